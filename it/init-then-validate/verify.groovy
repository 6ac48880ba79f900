def spec = new File(basedir, 'release.yaml').text
assert spec.contains('version: 1')
assert spec.contains('workspace: ../../../examples/orchestrator')
['llmo-secrets', 'llmo-providers', 'llmo-state', 'llmo-auth', 'llmo-audit', 'llmo-core', 'llmo-sdk', 'llmo-cli'].each {
    assert spec.contains("  ${it}: {}")
}
assert spec.contains('order: auto')
def log = new File(basedir, 'build.log').text
assert log.contains('is valid: 8 crate(s) to release')
assert log.contains('the spec already exists (run with -Dcrates.force=true')
return true
