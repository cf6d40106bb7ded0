//! Helpers shared by the server's integration tests.

/// Starts the simulator on a free loopback port in a background thread.
pub fn simulator() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::from_std(listener).unwrap();
            let app = statuslab_server::router(statuslab_server::AppState::new(std::env::temp_dir().join("statuslab-none")));
            axum::serve(l, app).await.unwrap();
        });
    });
    format!("http://{addr}")
}
