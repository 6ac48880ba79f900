//! `llmo`: the orchestrator's command line.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => println!("{}", llmo_cli::banner()),
        Some("--help") | Some("-h") | None => {
            println!("{}\nusage: llmo [--version] [--help]", llmo_cli::banner())
        }
        Some(other) => {
            eprintln!("llmo: unknown argument `{other}` (try --help)");
            std::process::exit(2);
        }
    }
}
