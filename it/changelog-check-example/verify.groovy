def log = new File(basedir, 'build.log').text
assert log.contains('Changelog ready for the release of 8 crate(s)')
assert log.contains('changelog check failed: 1 error(s)')
assert log =~ /broken\/CHANGELOG\.md:16:14: release 0\.4\.0 has a malformed date '2026-10-32' \(write the date as YYYY-MM-DD/
assert !log.contains('at io.github.cratesrelease')   // no stack trace for a user mistake
assert log =~ /\[WARNING\] .*broken\/CHANGELOG\.md:16:14: changelog: release 0\.4\.0 has a malformed date/
assert log.contains('is valid: 8 crate(s) to release')
return true
