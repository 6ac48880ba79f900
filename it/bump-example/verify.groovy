def log = new File(basedir, 'build.log').text
def ws = new File(basedir, 'ws')
def example = new File(basedir, '../../../examples/orchestrator').canonicalFile
def run = { List cmd ->
    def p = cmd.execute(null, ws)
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 : "${cmd.join(' ')} failed: ${err}"
    out.toString()
}

// 1. dry run: the plan, the unified diff, nothing written
assert log.contains('Bump minor (versioning: shared, dependents: upgrade) — dry run')
assert log =~ /llmo-core\s+0\.4\.0 -> 0\.5\.0\s+\(released\)/
assert log.contains('[INFO] --- a/Cargo.toml')
assert log.contains('[INFO] -version = "0.4.0"')
assert log.contains('[INFO] +version = "0.5.0"')
assert log.contains('[INFO] +## [0.5.0] - ')
assert log.contains('Dry run: 3 file(s) would change; nothing was written')

// 2. before the bump the unreleased section is ready
assert log.contains('Changelog ready for a bump')

// 3. the bump: only version strings and the changelog changed, in one commit
assert log.contains('Bumped 8 crate(s); 3 file(s) written')
assert log =~ /Committed [0-9a-f]{40}: Release 0\.5\.0/
assert run(['git', 'log', '-1', '--format=%s']).trim() == 'Release 0.5.0'
assert run(['git', 'show', '--name-only', '--format=', 'HEAD']).trim().readLines() == ['CHANGELOG.md', 'Cargo.lock', 'Cargo.toml']
assert run(['git', 'status', '--porcelain']).trim() == ''
def strip = { String s -> s.replaceAll(/\d+\.\d+\.\d+/, 'V') }
assert strip(new File(ws, 'Cargo.toml').text) == strip(new File(example, 'Cargo.toml').text)
assert strip(new File(ws, 'Cargo.lock').text) == strip(new File(example, 'Cargo.lock').text)
assert new File(ws, 'Cargo.toml').text.contains('version = "0.5.0"')
assert !new File(ws, 'Cargo.toml').text.contains('0.4.0')
def changelog = new File(ws, 'CHANGELOG.md').text
assert changelog.contains('## [Unreleased]\n\n## [0.5.0] - 2026-11-21\n\n### Added\n- `llmo-sdk`: streaming responses.')
assert changelog.contains('[Unreleased]: https://github.com/example/orchestrator/compare/v0.5.0...HEAD\n'
        + '[0.5.0]: https://github.com/example/orchestrator/compare/v0.4.0...v0.5.0\n')
// cargo accepts the bumped lock file as it is, and agrees on the versions
run(['cargo', 'metadata', '--format-version', '1', '--locked', '--offline'])
def meta = new groovy.json.JsonSlurper().parseText(run(['cargo', 'metadata', '--format-version', '1', '--no-deps', '--offline']))
assert meta.packages.size() == 8 && meta.packages.every { it.version == '0.5.0' }

// 4, 5. the bumped workspace passes the changelog check and validate (warnings fail it)
assert log.contains('Changelog ready for the release of 8 crate(s)')
assert log.contains('is valid: 8 crate(s) to release')
// the example itself is untouched
assert new File(example, 'Cargo.toml').text.contains('version = "0.4.0"')
return true
