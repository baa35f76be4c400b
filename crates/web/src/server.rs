//! The HTTP/1.1 server: hyper driven directly, so that every connection has a deadline.
//!
//! `axum::serve` first waits, without any deadline, for the bytes that tell HTTP/1 from
//! HTTP/2, so a client that connects and sends nothing holds a socket for ever. Here hyper's
//! `header_read_timeout` runs from the moment a connection is accepted, and again whenever a
//! keep-alive connection waits for its next request: a silent socket, a half-sent request head
//! and an idle keep-alive connection are all closed once it passes. bashke speaks HTTP/1.1
//! only; a reverse proxy in front may speak HTTP/2 to browsers.

use std::{future::Future, net::SocketAddr, time::Duration};

use axum::{Router, extract::ConnectInfo};
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    service::TowerToHyperService,
};
use tokio::{net::TcpListener, sync::watch, task::JoinSet};
use tower::ServiceExt;

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight finish
/// (idle connections close at once) and returns.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    header_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let (closing_tx, closing_rx) = watch::channel(false);
    let mut connections = JoinSet::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors, mostly: wait a moment instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        // Handlers and the rate limiter read the peer address as axum's `ConnectInfo`.
        let service = app.clone().map_request(move |mut req: axum::http::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            req
        });
        let mut closing = closing_rx.clone();
        connections.spawn(async move {
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .keep_alive(true);
            let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
            tokio::pin!(connection);
            let result = tokio::select! {
                result = connection.as_mut() => result,
                _ = closing.changed() => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(e) = result
                && !e.is_timeout()
                && !e.is_incomplete_message()
            {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
        // Forget connections that have ended, so the set does not grow with every client.
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = closing_tx.send(true);
    while connections.join_next().await.is_some() {}
    Ok(())
}
