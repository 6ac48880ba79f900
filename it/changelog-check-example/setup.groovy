// Two copies of the example: as bundled, and with a changelog whose release heading has a malformed date.
def example = new File(basedir, '../../../examples/orchestrator').canonicalFile
def copyTree = evaluate(new File(basedir, '../../../it/lib/copy-tree.groovy'))
['ok', 'broken'].each { name -> copyTree(example, new File(basedir, name)) }
def broken = new File(basedir, 'broken/CHANGELOG.md')
broken.text = broken.text.replace('## [0.4.0] - 2026-10-02', '## [0.4.0] - 2026-10-32')
return true
