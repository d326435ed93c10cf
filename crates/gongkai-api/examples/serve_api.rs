//! Serves the API alone on a fresh SQLite file, for trying it out and for
//! schema-based fuzzing (schemathesis):
//!
//! ```sh
//! GONGKAI_API_TOKEN=secret cargo run -p gongkai-api --example serve_api -- 127.0.0.1:8099 /tmp/api.db
//! ```
//!
//! Seeds a government (`330424000000`) with one department (`330424001`).

use gongkai_store::{AgencyKind, NewAgency, Store};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:8099".into());
    let db = args.next().unwrap_or_else(|| "gongkai-api-demo.db".into());
    let store = Store::open(&format!("sqlite://{db}?mode=rwc")).await?;
    for (code, name, kind, parent) in [
        (
            "330424000000",
            "海盐县人民政府",
            AgencyKind::Government,
            None,
        ),
        (
            "330424001",
            "海盐县财政局",
            AgencyKind::Department,
            Some("330424000000"),
        ),
    ] {
        store
            .put_agency(
                "serve_api",
                &NewAgency {
                    code: code.into(),
                    name: name.into(),
                    kind,
                    parent_code: parent.map(Into::into),
                    address: "海盐县武原街道".into(),
                    phone: "0573-86012345".into(),
                    office_hours: "工作日 8:30-17:00".into(),
                    sort_order: 0,
                },
            )
            .await?;
    }
    let app: axum::Router = gongkai_api::router(store);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("gongkai API on http://{addr}/api/v1/docs/");
    axum::serve(listener, app).await?;
    Ok(())
}
