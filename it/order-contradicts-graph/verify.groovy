def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /release\.yaml:8:5: order publishes 'llmo-sdk' before 'llmo-core', but llmo-sdk depends on llmo-core \(.*crates\/sdk\/Cargo\.toml:13:1, \[dependencies\]\)/
assert log =~ /release\.yaml:8:5: order publishes 'llmo-sdk' before 'llmo-providers', but llmo-sdk depends on llmo-providers/
assert log.contains("move 'llmo-core' above 'llmo-sdk' in order, or use 'order: auto'")
assert !new File(basedir, 'target/crates/plan.json').exists()
return true
