def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains("publishable workspace member 'llmo-cli' (cli) is not in the spec, so it will not be released")
assert log.contains('Publish plan: 2 crates in 2 waves')
def plan = new groovy.json.JsonSlurper().parse(new File(basedir, 'specs/target/crates/plan.json'))
assert plan.waves*.collect { it.name } == [['llmo-secrets'], ['llmo-providers']]
return true
