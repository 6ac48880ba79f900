def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log.contains('Publish plan: 8 crates in 5 waves (derived from the dependency graph)')
assert log =~ /1\s+llmo-audit\s+0\.4\.0\s+crates-io/
assert log =~ /5\s+llmo-cli\s+0\.4\.0\s+crates-io\s+llmo-core, llmo-providers, llmo-sdk/
def plan = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/crates/plan.json'))
assert plan.waves.size() == 5
assert plan.waves[0]*.name == ['llmo-audit', 'llmo-secrets', 'llmo-state']
assert plan.waves[4][0].name == 'llmo-cli'
assert plan.waves[4][0].version == '0.4.0'
assert plan.waves[4][0].registry == 'crates-io'
return true
