//! The benchmark's baseline page: what axum + sqlx + askama can do on this machine.
//!
//! A TechEmpower "Fortunes" page: one query reads 12 rows from PostgreSQL, one row is added
//! in memory, the rows are sorted and rendered through an escaping askama template. Same
//! crates, versions and pool settings as the portal, nothing else: the portal's pages are
//! measured as a ratio of this page in the same run (`tests/bench/run.sh`).
//!
//!   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pp_bench PORT=3199 \
//!     cargo run --release --example bench_baseline

use askama::Template;

// Linked for its global allocator only, so the ratio measures the portal, not the allocator.
use partner_portal as _;

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

#[derive(Template)]
#[template(
    ext = "html",
    source = "<!doctype html><html lang=\"en\"><head><title>Fortunes</title></head><body>\
<table><tr><th>id</th><th>message</th></tr>\
{% for f in fortunes %}<tr><td>{{ f.id }}</td><td>{{ f.message }}</td></tr>{% endfor %}\
</table></body></html>"
)]
struct Fortunes {
    fortunes: Vec<Fortune>,
}

struct Fortune {
    id: i32,
    message: String,
}

async fn fortunes(State(db): State<PgPool>) -> axum::response::Response {
    let rows: Vec<(i32, String)> = match sqlx::query_as("select id, message from bench_fortune")
        .fetch_all(&db)
        .await
    {
        Ok(rows) => rows,
        Err(e) => {
            return (axum::http::StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response();
        }
    };
    let mut fortunes: Vec<Fortune> = rows
        .into_iter()
        .map(|(id, message)| Fortune { id, message })
        .collect();
    fortunes.push(Fortune {
        id: 0,
        message: "Additional fortune added at request time.".into(),
    });
    fortunes.sort_by(|a, b| a.message.cmp(&b.message));
    match (Fortunes { fortunes }).render() {
        Ok(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        Err(e) => (axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

const FORTUNES: [&str; 12] = [
    "fortune: No such file or directory",
    "A computer scientist is someone who fixes things that aren't broken.",
    "After enough decimal places, nobody gives a damn.",
    "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
    "A computer program does what you tell it to do, not what you want it to do.",
    "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
    "Any program that runs right is obsolete.",
    "A list is only as strong as its weakest link. — Donald Knuth",
    "Feature: A bug with seniority.",
    "Computers make very fast, very accurate mistakes.",
    "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
    "フレームワークのベンチマーク",
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/partner_portal".into());
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3199);
    // The portal's pool size (DbSettings::default().max_connections).
    let db = PgPoolOptions::new()
        .max_connections(20)
        .connect(&url)
        .await?;
    sqlx::query(
        "create table if not exists bench_fortune (id int primary key, message text not null)",
    )
    .execute(&db)
    .await?;
    for (i, message) in FORTUNES.iter().enumerate() {
        sqlx::query(
            "insert into bench_fortune (id, message) values ($1, $2) on conflict (id) do nothing",
        )
        .bind(i as i32 + 1)
        .bind(message)
        .execute(&db)
        .await?;
    }
    let app = Router::new()
        .route("/fortunes", get(fortunes))
        .with_state(db);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("baseline listening on http://127.0.0.1:{port}/fortunes");
    axum::serve(listener, app).await?;
    Ok(())
}
