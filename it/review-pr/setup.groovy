// A copy of the example in a fresh repository: a base commit, then a head commit with release problems.
def example = new File(basedir, '../../../examples/orchestrator').canonicalFile
def ws = new File(basedir, 'ws')
def copyTree = evaluate(new File(basedir, '../../../it/lib/copy-tree.groovy'))
copyTree(example, ws)
new File(ws, '.gitignore').text = 'target/\n'
def git = { String... args ->
    def p = (['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList()).execute(null, ws)
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0 : "git ${args.join(' ')} failed"
}
git('init', '-q', '-b', 'main')
git('add', '-A')
git('commit', '-qm', 'base')
// head: independent versions so crates can move apart
def spec = new File(ws, 'release.yaml')
spec.text = spec.text.replace('mode: shared ', 'mode: independent ')
def edit = { String path, Closure<String> change ->
    def f = new File(ws, path)
    f.text = change(f.text)
}
// llmo-secrets 0.4.0 -> 0.5.0 (breaking below 1.0), and the workspace requirement on it follows
edit('crates/secrets/Cargo.toml') { it.replace('version.workspace = true', 'version = "0.5.0"') }
edit('Cargo.toml') { it.replace('llmo-secrets = { path = "crates/secrets", version = "0.4.0" }', 'llmo-secrets = { path = "crates/secrets", version = "0.5.0" }') }
// llmo-providers, which depends on llmo-secrets, only gets a patch bump: too small
edit('crates/providers/Cargo.toml') { it.replace('version.workspace = true', 'version = "0.4.1"') }
// llmo-state goes backwards, and llmo-core's requirement on it (0.4.0) is left behind
edit('crates/state/Cargo.toml') { it.replace('version.workspace = true', 'version = "0.3.9"') }
git('add', '-A')
git('commit', '-qm', 'head')
return true
