def log = new File(basedir, 'build.log').text
def ws = new File(basedir, 'ws')
def git = { File dir, String... args ->
    def p = (['git'] + args.toList()).execute(null, dir)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, System.err)
    assert p.exitValue() == 0 : "git ${args.join(' ')} failed"
    out.toString().trim()
}
def crates = ['llmo-audit', 'llmo-auth', 'llmo-cli', 'llmo-core', 'llmo-providers', 'llmo-sdk', 'llmo-secrets', 'llmo-state']
// 1. the rehearsal: published in graph order, one tag per crate at the released commit, verify and cargo-install ok
assert log.contains('Rehearsal: 8 crate(s) in 5 wave(s) from ws/release.yaml\n')
assert log.contains('Pre-flight checks passed')
// each crate after what it depends on (crates of a later wave that do not depend on it may go up before it)
assert log.indexOf('] llmo-secrets 0.4.0 -> ') < log.indexOf('] llmo-auth 0.4.0 -> ')
assert log.indexOf('] llmo-providers 0.4.0 -> ') < log.indexOf('] llmo-core 0.4.0 -> ')
assert log.indexOf('] llmo-core 0.4.0 -> ') < log.indexOf('] llmo-sdk 0.4.0 -> ')
assert log.indexOf('] llmo-sdk 0.4.0 -> ') < log.indexOf('] llmo-cli 0.4.0 -> ')
def head = git(ws, 'rev-parse', 'HEAD')
def copy = new File(ws, 'target/crates/rehearsal/repo')
assert git(copy, 'tag', '--points-at', head).readLines().sort() == crates.collect { it + '-v0.4.0' }
assert git(copy, 'cat-file', '-t', 'llmo-cli-v0.4.0') == 'tag'
assert log.contains('[post-publish release/0-verify] ok')
assert log =~ /\[post-publish release\/1-cargo-install\] ok: installed llmo-cli 0\.4\.0 from the rehearsal registry .*llmo --version says: llmo 0\.4\.0/
assert log.contains('Rehearsal done in')
assert log.contains('8 published by this run; 0 already published; 8 tag(s) created; post-publish: 2 done, 0 failed')
// the user's repository is untouched: no tag, no change
assert git(ws, 'tag') == ''
assert git(ws, 'status', '--porcelain') == ''
// 2. the dry run: every step simulated, nothing written
assert log.contains('Rehearsal: 8 crate(s) in 5 wave(s) from ws/release.yaml (package and verify only)')
assert log.contains('Would tag llmo-core-v0.4.0 at ' + head.substring(0, 12))
assert log.contains('[post-publish release/1-cargo-install] would cargo install llmo-cli')
assert log =~ /Dry run done in .*: 8 crate\(s\) would be published; 0 already published; post-publish: 2 only shown \(dry run\)/
assert !new File(ws, 'target/crates/release-journal.json').exists()
assert log.count('BUILD SUCCESS') == 2
return true
