// A copy of the bundled example workspace in its own fresh git repository (branch main, one commit).
def example = new File(basedir, '../../../examples/orchestrator').canonicalFile
def ws = new File(basedir, 'ws')
def copyTree = evaluate(new File(basedir, '../../../it/lib/copy-tree.groovy'))
copyTree(example, ws)
new File(ws, '.gitignore').text = 'target/\n'
def git = { String... args ->
    def p = (['git'] + args.toList()).execute(null, ws)
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0 : "git ${args.join(' ')} failed"
}
git('init', '-q', '-b', 'main')
git('add', '-A')
git('-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-qm', 'example')
return true
