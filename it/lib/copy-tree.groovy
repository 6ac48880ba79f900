// Shared by the ITs' setup scripts: copies a directory tree, leaving out its target/ build output.
return { File from, File to ->
    def src = from.toPath()
    java.nio.file.Files.walk(src).each { p ->
        def rel = src.relativize(p).toString()
        if (rel == 'target' || rel.startsWith('target/')) return
        def d = to.toPath().resolve(rel)
        if (java.nio.file.Files.isDirectory(p)) java.nio.file.Files.createDirectories(d)
        else java.nio.file.Files.copy(p, d, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
}
