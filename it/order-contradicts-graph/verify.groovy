def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
// llmo-sdk is listed above both crates it depends on: one error, naming the last of them
assert log =~ /release\.yaml:8:5: order publishes 'llmo-sdk' before 'llmo-core', but llmo-sdk depends on llmo-core \(.*crates\/sdk\/Cargo\.toml:13:1, \[dependencies\]\); it also depends on 'llmo-providers', listed after it too/
assert log.contains("move 'llmo-sdk' below 'llmo-core' in order, or use 'order: auto'")
assert !(log =~ /order publishes 'llmo-sdk' before 'llmo-providers'/)
assert !new File(basedir, 'target/crates/plan.json').exists()
return true
