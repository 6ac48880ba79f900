def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains("release.yaml:4:16: unknown key 'registy' in crates.llmo-core (did you mean 'registry'?)")
assert log.contains('release.yaml:6:13: wait.strategy must be one of: none, index, fixed')
assert log.contains('release.yaml:10:12: registries.corp.token is written as a literal value')
assert !log.contains('IT_CANARY') : 'the literal token must never be printed'
assert !log.contains('at io.github.cratesrelease') : 'a user error prints no stack trace'
return true
