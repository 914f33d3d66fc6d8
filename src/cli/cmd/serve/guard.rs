//! What keeps `koers serve` to its user and within bounds, whatever connects to it:
//!
//! - the `Host` check: a page on another site cannot read the preview through DNS rebinding
//!   (its name made to point at 127.0.0.1), because its requests carry its own name as `Host`,
//!   and only `localhost`, the loopback addresses and the address koers listens on are answered;
//! - a bound on connections ([`Limited`]): at most [`MAX_CONNECTIONS`] at once (more wait in the
//!   system's queue until one closes), each closed after [`IDLE`] without a byte either way
//!   (event streams send a keep-alive every 15 s);
//! - a bound on event streams ([`MAX_EVENT_STREAMS`]; more get 503, and a browser's
//!   `EventSource` tries again by itself).

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

pub(super) const MAX_CONNECTIONS: usize = 256;
pub(super) const MAX_EVENT_STREAMS: usize = 128;
pub(super) const IDLE: Duration = Duration::from_secs(60);

/// The names a request may carry in its `Host` header.
#[derive(Debug, Clone)]
pub(super) struct Hosts {
    /// The address koers listens on.
    bound: IpAddr,
}

impl Hosts {
    pub(super) fn new(bound: IpAddr) -> Hosts {
        Hosts { bound }
    }

    /// `localhost`, a loopback address, the bound address, and — when koers listens on every
    /// interface (`--host 0.0.0.0`) — any address: the machine's own. Never a name other than
    /// localhost: that is what DNS rebinding sends.
    pub(super) fn allows(&self, host: &str) -> bool {
        let name = match host.rsplit_once(':') {
            // `[::1]:8000`, `127.0.0.1:8000`, `localhost:8000`; a bare IPv6 address has colons too.
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !name.ends_with(':') => name,
            _ => host,
        };
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let ip = name.strip_prefix('[').and_then(|n| n.strip_suffix(']')).unwrap_or(name);
        match ip.parse::<IpAddr>() {
            Ok(ip) => ip.is_loopback() || ip == self.bound || self.bound.is_unspecified(),
            Err(_) => false,
        }
    }
}

/// Refuse a request whose `Host` is not one of [`Hosts`].
pub(super) async fn check_host(State(hosts): State<Arc<Hosts>>, request: Request, next: Next) -> Response {
    let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if hosts.allows(host) {
        return next.run(request).await;
    }
    let body = format!("{}\n", koers::t!("build-serve-wrong-host", host = format!("{host:?}")));
    (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// A listener that holds at most [`MAX_CONNECTIONS`] connections at once.
pub(super) struct Limited {
    listener: TcpListener,
    permits: Arc<Semaphore>,
    idle: Duration,
}

impl Limited {
    /// At most `max` connections at once, each closed after `idle` without traffic.
    pub(super) fn new(listener: TcpListener, max: usize, idle: Duration) -> Limited {
        Limited { listener, permits: Arc::new(Semaphore::new(max)), idle }
    }
}

impl axum::serve::Listener for Limited {
    type Io = Counted;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Counted, std::net::SocketAddr) {
        let permit = self.permits.clone().acquire_owned().await.expect("the semaphore is never closed");
        let (stream, addr) = axum::serve::Listener::accept(&mut self.listener).await;
        let _ = stream.set_nodelay(true);
        let timer = Box::pin(tokio::time::sleep(self.idle));
        (Counted { stream, _permit: permit, idle: self.idle, timer }, addr)
    }

    fn local_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.listener.local_addr()
    }
}

/// A connection holding one of the listener's permits until it closes, closed when idle.
pub(super) struct Counted {
    stream: TcpStream,
    _permit: OwnedSemaphorePermit,
    idle: Duration,
    timer: Pin<Box<tokio::time::Sleep>>,
}

impl Counted {
    fn progressed(&mut self) {
        let deadline = tokio::time::Instant::now() + self.idle;
        self.timer.as_mut().reset(deadline);
    }

    /// Pending, unless the connection has been idle too long.
    fn pending_or_idle<T>(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<T>> {
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::ErrorKind::TimedOut.into())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncRead for Counted {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(r) => {
                this.progressed();
                Poll::Ready(r)
            }
            Poll::Pending => this.pending_or_idle(cx),
        }
    }
}

impl AsyncWrite for Counted {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.stream).poll_write(cx, buf) {
            Poll::Ready(r) => {
                this.progressed();
                Poll::Ready(r)
            }
            Poll::Pending => this.pending_or_idle(cx),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

/// The permits of the event streams.
pub(super) fn event_streams() -> Arc<Semaphore> {
    Arc::new(Semaphore::new(MAX_EVENT_STREAMS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_and_addresses_pass() {
        let local = Hosts::new("127.0.0.1".parse().unwrap());
        for ok in ["localhost:8000", "LOCALHOST", "127.0.0.1:8000", "127.0.0.1", "[::1]:8000", "[::1]"] {
            assert!(local.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example:8000",
            "evil.example",
            "",
            "192.168.1.10:8000",
            "localhost.evil.example:8000",
            "127.0.0.1.nip.io",
        ] {
            assert!(!local.allows(bad), "{bad}");
        }
        let lan = Hosts::new("192.168.1.10".parse().unwrap());
        assert!(lan.allows("192.168.1.10:8000") && lan.allows("localhost:8000"));
        assert!(!lan.allows("192.168.1.11:8000") && !lan.allows("evil.example:8000"));
        let every = Hosts::new("0.0.0.0".parse().unwrap());
        assert!(every.allows("10.0.0.5:8000") && every.allows("[fe80::1]:8000"));
        assert!(!every.allows("evil.example:8000"));
    }

    /// With at most two connections, a third waits until one closes; an idle connection is
    /// closed. (The waits below only bound how long the test looks: with the limit the third
    /// connection cannot be accepted at all while two are open.)
    #[test]
    fn connections_are_bounded_and_idle_ones_closed() {
        use axum::serve::Listener;
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let tcp = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = tcp.local_addr().unwrap();
            let mut limited = Limited::new(tcp, 2, Duration::from_millis(300));
            let clients: Vec<TcpStream> = futures_util::future::join_all((0..3).map(|_| TcpStream::connect(addr)))
                .await
                .into_iter()
                .map(Result::unwrap)
                .collect();
            let (mut first, _) = limited.accept().await;
            let (second, _) = limited.accept().await;
            let third = tokio::time::timeout(Duration::from_millis(500), limited.accept()).await;
            assert!(third.is_err(), "a third connection was accepted while two were open");
            drop(second);
            let (_third, _) = tokio::time::timeout(Duration::from_secs(10), limited.accept())
                .await
                .expect("the third connection is accepted once one closes");
            // The first client sends nothing: its connection is closed as idle.
            let mut buf = [0u8; 16];
            let read = std::future::poll_fn(|cx| Pin::new(&mut first).poll_read(cx, &mut ReadBuf::new(&mut buf)));
            let read = tokio::time::timeout(Duration::from_secs(10), read).await.unwrap();
            assert_eq!(read.unwrap_err().kind(), std::io::ErrorKind::TimedOut);
            drop(clients);
        });
    }
}
