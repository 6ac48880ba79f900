def up = new File(basedir, 'upstream')
def write = { String path, String text -> def f = new File(up, path); f.parentFile.mkdirs(); f.text = text }
write('Cargo.toml', '[workspace]\nresolver = "2"\nmembers = ["vm-bindings", "vm-ioctls"]\n')
write('vm-bindings/Cargo.toml', '[package]\nname = "vm-bindings"\nversion = "0.3.1"\nedition = "2021"\ndescription = "bindings"\nlicense = "Apache-2.0"\n\n[features]\nfam-wrappers = []\n')
write('vm-bindings/src/lib.rs', 'pub const VERSION: u32 = 1;\n')
write('vm-ioctls/Cargo.toml', '[package]\nname = "vm-ioctls"\nversion = "0.3.1"\nedition = "2021"\ndescription = "ioctls"\nlicense = "Apache-2.0"\n\n[dependencies]\nvm-bindings = { path = "../vm-bindings" }\n')
write('vm-ioctls/src/lib.rs', 'pub fn version() -> u32 { vm_bindings::VERSION }\n')
write('.gitignore', 'target/\n')
def git = { String... args ->
    def p = (['git', '-c', 'user.name=up', '-c', 'user.email=up@example.com'] + args.toList()).execute(null, up)
    def out = new StringBuilder()
    p.waitForProcessOutput(out, System.err)
    assert p.exitValue() == 0 : "git ${args.join(' ')} failed"
    out.toString().trim()
}
git('init', '-q', '-b', 'main')
git('add', '-A')
git('commit', '-qm', 'pinned')
def pinned = git('rev-parse', 'HEAD')
write('vm-bindings/src/lib.rs', 'pub const VERSION: u32 = 2;\n')
git('commit', '-qam', 'later')
def spec = new File(basedir, 'spec/release.yaml')
spec.parentFile.mkdirs()
spec.text = """version: 1
defaults:
  registry: feed
registries:
  feed:
    index: sparse+https://feed.example.invalid/index/
    token: { env: FEED_TOKEN }
wait:
  strategy: none
redist:
  - name: vm
    git: ../upstream
    rev: ${pinned}
    crates: [vm-bindings, vm-ioctls]
    patches:
      vm-ioctls: { dependencies: { vm-bindings: { features: [fam-wrappers] } } }
"""
new File(basedir, 'pinned.txt').text = pinned
return true
