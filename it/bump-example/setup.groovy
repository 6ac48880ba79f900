// A copy of the bundled example workspace in its own git repository: the bump edits and commits the copy only.
def example = new File(basedir, '../../../examples/orchestrator').canonicalFile
def ws = new File(basedir, 'ws')
def copyTree = { File from, File to ->
    def src = from.toPath()
    java.nio.file.Files.walk(src).each { p ->
        def rel = src.relativize(p).toString()
        if (rel == 'target' || rel.startsWith('target/')) return
        def d = to.toPath().resolve(rel)
        if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(d)
        else java.nio.file.Files.copy(p, d, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
}
copyTree(example, ws)
def git = { String... args ->
    def p = (['git'] + args.toList()).execute(null, ws)
    p.waitForProcessOutput(System.out, System.err)
    assert p.exitValue() == 0 : "git ${args.join(' ')} failed"
}
git('init', '-q')
git('add', '-A')
git('-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-qm', 'example')
return true
