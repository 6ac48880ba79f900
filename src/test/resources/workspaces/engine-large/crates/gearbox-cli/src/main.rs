fn main() {
    println!("gearbox 0.15.0");
}
