def log = new File(basedir, 'build.log').text
def ws = new File(basedir, 'ws')
def git = { String... args ->
    def p = (['git'] + args.toList()).execute(null, ws)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, System.err)
    assert p.exitValue() == 0
    out.toString()
}
// 1. the review of the head: findings on the console, annotations at the start of a line, files written
assert log.contains('Review against main~1 (')
assert log =~ /(?m)^::warning file=crates\/providers\/Cargo\.toml,line=4,col=\d+,title=[^:]*::llmo-providers 0\.4\.0 → 0\.4\.1 is a patch bump, but requirement on llmo-secrets moved from 0\.4\.0 to 0\.5\.0/
assert log =~ /(?m)^::error file=crates\/state\/Cargo\.toml,line=4,col=\d+,title=[^:]*::llmo-state goes backwards from 0\.4\.0 to 0\.3\.9/
assert log =~ /(?m)^::error file=crates\/core\/Cargo\.toml,line=\d+,col=\d+,title=[^:]*::.*llmo-state/
assert log =~ /(?m)^::(error|warning) file=CHANGELOG\.md/
def md = new File(ws, 'target/crates/review.md').text
assert md.contains('(crates/state/Cargo.toml#L4)')
assert md.contains('```mermaid') || md.contains('No plan: ')
def json = new groovy.json.JsonSlurper().parse(new File(ws, 'target/crates/review.json'))
assert json.version == 1
assert json.versions.find { it.crate == 'llmo-providers' }.required == 'minor'
assert json.versions.find { it.crate == 'llmo-state' }.bump == 'backwards'
assert new File(basedir, 'summary.md').text.contains('(crates/state/Cargo.toml#L4)')
// the user's tree and index are untouched
assert git('status', '--porcelain') == ''
// 2. an unchanged head: one line, success
assert log.contains('No release-relevant change between HEAD (')
assert new File(ws, 'target/unchanged/review.md').text.trim().readLines().size() == 1
assert log.count('BUILD SUCCESS') == 2
return true
