fn main() {
    yew::Renderer::<statuslab_app::App>::new().render();
}
