def log = new File(basedir, 'build.log').text
assert log.contains('Rehearsal: 8 crate(s) in 5 wave(s)')
assert log =~ /\[wave 1\] llmo-audit 0\.4\.0 -> crates-io \(rehearsal\): uploaded in \d+ ms/
assert log =~ /\[wave 5\] llmo-cli 0\.4\.0 -> crates-io \(rehearsal\): uploaded in \d+ ms, waited \d+\.\d s/
assert log =~ /\[INFO\] Packaged llmo-core 0\.4\.0 \(\d+ files, [0-9.]+ (B|KiB)\)/
// cargo's progress is in its log, not on the console
assert !(log =~ /(?m)^\[INFO\]\s{2,}(Packaging|Compiling|Checking|Updating|Verifying|Installing|Finished) /)
assert new File(basedir, 'target/crates/rehearsal/cargo.log').text.contains('Packaging llmo-core v0.4.0')
assert log.contains('Integrity: every crate is in its index with the expected SHA-256')
assert log.contains('Consumer check passed from the rehearsal registry: 8 libraries built as dependencies')
assert log.contains('1 binary crate(s) installed (llmo-cli)')
assert log.contains('A real release would take: at least 30m because of registry rate limits')
assert log.contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/crates/rehearsal/publish-report.json'))
assert report.result == 'success'
assert report.rehearsal == true
assert report.crates.size() == 8
assert report.crates.every { it.status == 'published' && it.cksum ==~ /[0-9a-f]{64}/ }
assert report.crates*.name.indexOf('llmo-core') > report.crates*.name.indexOf('llmo-auth')
// the rehearsal copy got the registry keys; the example itself did not
def copy = new File(basedir, 'target/crates/rehearsal/workspace/Cargo.toml').text
assert copy.contains('registry = "rehearsal"')
def original = new File(basedir, '../../../examples/orchestrator/Cargo.toml').text
assert !original.contains('rehearsal')
return true
