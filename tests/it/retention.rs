//! Issue 19, point 8: retention prunes expired sessions and tokens, old rate-limit windows
//! and old delivered e-mail in bounded batches, safely from several processes at once;
//! measured on a million-row table.

use crate::helpers::*;
use partner_portal::db::retention::{Kind, Settings, prune};
use std::time::{Duration, Instant};

async fn count(db: &sqlx::PgPool, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn retention_prunes_a_million_rows_in_bounded_batches_from_two_processes() {
    let app = TestApp::spawn().await;
    let db = &app.db;
    // A million rate-limit windows that ended two days ago, and a thousand current ones,
    // seeded over a connection of the test's own: the portal's pool has a statement timeout
    // that a loaded machine can exceed for a million-row insert.
    let seeder = sqlx::postgres::PgPoolOptions::new()
        .max_connections(1)
        .connect(&app.config.database_url)
        .await
        .unwrap();
    let seeded = Instant::now();
    sqlx::query(
        "insert into rate_limit_hits (bucket, subject, window_start, hits)
         select 'seed', 'ip:' || g, now() - interval '2 days', 1 from generate_series(1, 1000000) g",
    )
    .execute(&seeder)
    .await
    .unwrap();
    sqlx::query(
        "insert into rate_limit_hits (bucket, subject, window_start, hits)
         select 'seed', 'ip:' || g, now(), 1 from generate_series(1, 1000) g",
    )
    .execute(&seeder)
    .await
    .unwrap();
    sqlx::query("analyze rate_limit_hits")
        .execute(&seeder)
        .await
        .unwrap();
    eprintln!("seeded 1,001,000 rate-limit rows in {:?}", seeded.elapsed());

    // Two processes prune at once (each its own pool), while sign-ins keep counting.
    let settings = Settings::default();
    let (_stop_tx, stop) = tokio::sync::watch::channel(false);
    let other = sqlx::postgres::PgPoolOptions::new()
        .max_connections(2)
        .connect(&app.config.database_url)
        .await
        .unwrap();
    let started = Instant::now();
    let counting = {
        let db = db.clone();
        tokio::spawn(async move {
            let mut slowest = Duration::ZERO;
            let mut hits = 0;
            let deadline = Instant::now() + Duration::from_secs(600);
            while Instant::now() < deadline {
                let t = Instant::now();
                partner_portal::db::rate_limit::hit(
                    &db,
                    "sign_in",
                    "ip:10.0.0.1",
                    Duration::from_secs(60),
                )
                .await
                .expect("a sign-in is counted while retention runs");
                slowest = slowest.max(t.elapsed());
                hits += 1;
                let left: i64 = sqlx::query_scalar(
                    "select count(*) from rate_limit_hits where window_start < now() - interval '1 day'",
                )
                .fetch_one(&db)
                .await
                .unwrap();
                if left == 0 {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            (hits, slowest)
        })
    };
    let (a, b) = tokio::join!(
        prune(db, Kind::RateLimitHits, &settings, &stop),
        prune(&other, Kind::RateLimitHits, &settings, &stop)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let took = started.elapsed();
    let (hits, slowest) = counting.await.unwrap();
    eprintln!(
        "pruned {} + {} rows in {} + {} batches of {} in {took:?}; longest batch {:?} / {:?}; \
         {hits} sign-in counts meanwhile, the slowest {slowest:?}",
        a.rows, b.rows, a.batches, b.batches, settings.batch, a.longest, b.longest
    );
    assert_eq!(a.rows + b.rows, 1_000_000, "every old row once, none twice");
    assert!(a.batches > 1 && b.batches > 1, "both processes took part");
    assert!(hits > 0);
    assert_eq!(
        count(
            db,
            "select count(*) from rate_limit_hits where bucket = 'seed'"
        )
        .await,
        1000,
        "current windows are kept"
    );
    assert!(
        count(
            db,
            "select count(*) from rate_limit_hits where bucket = 'sign_in'"
        )
        .await
            >= 1
    );

    // Sessions, tokens and delivered e-mail: the expired and old go, the rest stays.
    sqlx::query(
        "insert into tower_sessions.session (id, data, expiry_date)
         select 'expired-' || g, '\\x'::bytea, now() - interval '1 minute' from generate_series(1, 2500) g",
    )
    .execute(db)
    .await
    .unwrap();
    let email = app.sign_up("retention").await;
    sqlx::query("update user_tokens set expires_at = now() - interval '1 hour'")
        .execute(db)
        .await
        .unwrap();
    sqlx::query(
        "insert into staff_tokens (token_id, staff_id, token_hash, expires_at)
         select gen_random_uuid(), staff_id, sha256(staff_id::text::bytea), now() - interval '1 hour'
         from operator_staff",
    )
    .execute(db)
    .await
    .unwrap();
    sqlx::query(
        "insert into email_outbox (email_id, message_id, recipient, subject, body_text, body_html, status, sent_at)
         select gen_random_uuid(), gen_random_uuid() || '@old', 'old@example.com', 'Old', 't', 'h', 'sent',
                now() - interval '31 days' from generate_series(1, 1500)",
    )
    .execute(db)
    .await
    .unwrap();
    let live_sessions = count(
        db,
        "select count(*) from tower_sessions.session where expiry_date > now()",
    )
    .await;
    assert!(live_sessions >= 1, "the signed-in session");
    for kind in [Kind::Sessions, Kind::Tokens, Kind::DeliveredEmail] {
        let done = prune(db, kind, &settings, &stop).await.unwrap();
        eprintln!(
            "{}: {} rows in {} batches",
            kind.as_str(),
            done.rows,
            done.batches
        );
        assert!(done.rows > 0, "{kind:?}");
    }
    assert_eq!(
        count(
            db,
            "select count(*) from tower_sessions.session where expiry_date < now()"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            db,
            "select count(*) from tower_sessions.session where expiry_date > now()"
        )
        .await,
        live_sessions
    );
    assert_eq!(count(db, "select count(*) from user_tokens").await, 0);
    assert_eq!(count(db, "select count(*) from staff_tokens").await, 0);
    assert_eq!(
        count(
            db,
            "select count(*) from email_outbox where subject = 'Old'"
        )
        .await,
        0
    );
    // The account's own confirmation e-mail (recent) is kept.
    assert!(app.emails_to(&email).await >= 1);
    // Still signed in.
    assert_eq!(
        app.me().open("/dashboard").await.status(),
        reqwest::StatusCode::OK
    );
}
