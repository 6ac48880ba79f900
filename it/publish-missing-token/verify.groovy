def log = new File(basedir, 'build.log').text
assert log.contains('cannot publish: 1 problem(s) with the target registries')
assert log =~ /release\.yaml:4:\d+: no publish token for registry `crates-io`; looked in: environment variable CARGO_REGISTRY_TOKEN/
assert log.contains('export CARGO_REGISTRY_TOKEN')
assert !log.contains('Packaging')
assert !log.contains('at io.github.cratesrelease')   // no stack trace for a user mistake
assert !new File(basedir, 'target/crates/release-journal.json').exists()
return true
