//! The server on a real socket: connections that send nothing, half a request head, or stay idle
//! after a request are closed after the header timeout; a 429 keeps the connection usable.

use std::time::Duration;

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};
use web::{AppState, WebConfig};

use crate::helpers::each_backend;

const TIMEOUT: Duration = Duration::from_secs(1);

/// Serves `router` on a free loopback port; the server stops with the test's runtime.
async fn start(router: axum::Router) -> std::net::SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(web::server::serve(listener, router, TIMEOUT, std::future::pending()));
    addr
}

/// Waits until the server closes the connection; fails if it is still open after `within`.
async fn closed_within(stream: &mut TcpStream, within: Duration) {
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return,
            Ok(Ok(_)) => continue,
            Err(_) => panic!("connection still open after {within:?}"),
        }
    }
}

/// Reads one response (status and body), honouring Content-Length or chunked encoding.
async fn response(stream: &mut TcpStream) -> (u16, String) {
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
            .await
            .expect("response in time")
            .expect("read");
        assert!(
            n > 0,
            "connection closed before a response: {}",
            String::from_utf8_lossy(&raw)
        );
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).to_lowercase();
    let status: u16 = head[9..12].parse().expect("status");
    let mut body = raw[head_end..].to_vec();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse::<usize>().expect("length"));
    let chunked = head.contains("transfer-encoding: chunked");
    loop {
        let done = match length {
            Some(n) => body.len() >= n,
            None if chunked => body.ends_with(b"0\r\n\r\n"),
            None => true,
        };
        if done {
            break;
        }
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
            .await
            .expect("body in time")
            .expect("read");
        assert!(n > 0, "connection closed inside a body");
        body.extend_from_slice(&buf[..n]);
    }
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn silent_half_sent_and_idle_connections_are_closed() {
    each_backend(async |app| {
        let addr = start(app.router.clone()).await;
        // Connects and never sends a byte.
        let mut silent = TcpStream::connect(addr).await.unwrap();
        // Sends half a request head.
        let mut half = TcpStream::connect(addr).await.unwrap();
        half.write_all(b"GET / HTTP/1.1\r\nHost: elbasan.test\r\n")
            .await
            .unwrap();
        // Sends a whole request, then stays idle on keep-alive.
        let mut idle = TcpStream::connect(addr).await.unwrap();
        idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: elbasan.test\r\n\r\n")
            .await
            .unwrap();
        let (status, body) = response(&mut idle).await;
        assert_eq!((status, body.as_str()), (200, "ok"), "{}", app.label);
        for stream in [&mut silent, &mut half, &mut idle] {
            closed_within(stream, TIMEOUT * 4).await;
        }
    })
    .await;
}

#[tokio::test]
async fn a_rate_limited_post_is_answered_and_the_connection_stays_usable() {
    each_backend(async |app| {
        let config = WebConfig {
            base_url: "http://elbasan.test".into(),
            body_limit_bytes: 64 * 1024,
            attachment_max_bytes: 256 * 1024,
            write_rate_per_second: 1,
            trusted_proxies: Vec::new(),
            page_cache_seconds: 5,
        };
        let addr = start(web::router(AppState::new(app.services.clone(), config))).await;
        let mut stream = TcpStream::connect(addr).await.unwrap();
        let body = "email=x%40example.org&password=wrong-password-123";
        let request = format!(
            "POST /login HTTP/1.1\r\nHost: elbasan.test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        let mut statuses = Vec::new();
        for _ in 0..8 {
            stream.write_all(request.as_bytes()).await.unwrap();
            statuses.push(response(&mut stream).await.0);
        }
        assert!(statuses.contains(&429), "{}: {statuses:?}", app.label);
        // The same connection still answers.
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: elbasan.test\r\n\r\n")
            .await
            .unwrap();
        assert_eq!(response(&mut stream).await.0, 200, "{}", app.label);
    })
    .await;
}
