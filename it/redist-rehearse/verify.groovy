def log = new File(basedir, 'build.log').text
def pinned = new File(basedir, 'pinned.txt').text.trim()
assert log.contains("[redist vm] ") && log.contains(" at ${pinned.substring(0, 12)} in ")
assert log.contains('[redist vm] patched vm-ioctls/Cargo.toml')
assert log.contains('Rehearsal: 2 crate(s) in 2 wave(s)')
assert log =~ /\[wave 1\] vm-bindings 0\.3\.1 -> feed \(rehearsal\): uploaded/
assert log =~ /\[wave 2\] vm-ioctls 0\.3\.1 -> feed \(rehearsal\): uploaded/
assert log.contains('Consumer check passed')
assert log.contains('BUILD SUCCESS')
def manifest = new File(basedir, 'spec/target/crates/redist/vm/vm-ioctls/Cargo.toml').text
assert manifest.contains('registry = "feed"') && manifest.contains('version = "0.3.1"')
assert manifest.contains('features = ["fam-wrappers"]')
assert manifest.contains("commit = \"${pinned}\"")
assert !new File(basedir, 'spec/Cargo.toml').exists()
return true
