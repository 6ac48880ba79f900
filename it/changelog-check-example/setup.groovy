// Two copies of the example: as bundled, and with a changelog whose release heading has a malformed date.
def example = new File(basedir, '../../../examples/orchestrator').canonicalFile
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
['ok', 'broken'].each { name -> copyTree(example, new File(basedir, name)) }
def broken = new File(basedir, 'broken/CHANGELOG.md')
broken.text = broken.text.replace('## [0.4.0] - 2026-10-02', '## [0.4.0] - 2026-10-32')
return true
