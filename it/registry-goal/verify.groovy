def log = new File(basedir, 'build.log').text
assert log.contains('Embedded registry serving sparse+http://127.0.0.1:')
assert log =~ /\[registries\.embedded\]/
assert log =~ /index = "sparse\+http:\/\/127\.0\.0\.1:\d+\/index\/"/
assert log.contains('CARGO_REGISTRIES_EMBEDDED_TOKEN=<the token this registry was started with>')
assert log.contains('Stopped after 1s; 0 version(s) stored in')
assert !log.contains('it-canary-token-7f3a') : 'the token is never printed'
assert new File(basedir, 'target/crates/registry').isDirectory()
assert log.contains("Dry run: would serve an embedded registry named 'embedded'")
assert log.contains('faults 429:5s,429:5s')
return true
