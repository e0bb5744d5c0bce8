namespace Renderer.Host.Catalog.Database;

/// <summary>One schema change: applied once, in order, and recorded in <c>schema_version</c>.</summary>
internal sealed record CatalogMigration(int Version, string Description, string Sqlite, string PostgreSql)
{
    public string For(CatalogProvider provider) => provider == CatalogProvider.PostgreSql ? PostgreSql : Sqlite;
}

/// <summary>
/// The catalog schema as a list of versioned migrations. Never edit a migration that has shipped: add the next one.
/// Times are Unix milliseconds (BIGINT) and ids are GUID text, so the same queries run on SQLite and PostgreSQL.
/// </summary>
internal static class CatalogMigrations
{
    private const string Items = """
        CREATE TABLE catalog_items (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            path_key TEXT NOT NULL,
            parent_key TEXT NOT NULL,
            description TEXT NULL,
            read_only INTEGER NOT NULL DEFAULT 0,
            content_type TEXT NULL,
            properties TEXT NULL,
            current_version INTEGER NOT NULL DEFAULT 0,
            row_version BIGINT NOT NULL DEFAULT 1,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            modified_by TEXT NOT NULL,
            modified_at BIGINT NOT NULL,
            deleted_at BIGINT NULL,
            deleted_by TEXT NULL,
            delete_batch TEXT NULL
        );
        CREATE UNIQUE INDEX ux_catalog_items_path ON catalog_items (path_key) WHERE deleted_at IS NULL;
        CREATE INDEX ix_catalog_items_parent ON catalog_items (parent_key);
        CREATE INDEX ix_catalog_items_deleted ON catalog_items (deleted_at);
        CREATE TABLE report_parameter_settings (
            item_id TEXT NOT NULL,
            name TEXT NOT NULL,
            data_type TEXT NOT NULL,
            settings TEXT NOT NULL,
            modified_by TEXT NOT NULL,
            modified_at BIGINT NOT NULL,
            PRIMARY KEY (item_id, name)
        );
        """;

    private static string Versions(string blob) => $"""
        CREATE TABLE item_versions (
            item_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            content {blob} NOT NULL,
            content_hash TEXT NOT NULL,
            size BIGINT NOT NULL,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            comment TEXT NULL,
            PRIMARY KEY (item_id, version)
        );
        """;

    private static string Logs(string identity) => $"""
        CREATE TABLE audit_log (
            id {identity},
            at BIGINT NOT NULL,
            user_name TEXT NOT NULL,
            action TEXT NOT NULL,
            item_path TEXT NULL,
            client_address TEXT NULL,
            outcome TEXT NOT NULL,
            details TEXT NULL
        );
        CREATE INDEX ix_audit_log_at ON audit_log (at);
        CREATE TABLE execution_log (
            id {identity},
            item_path TEXT NOT NULL,
            user_name TEXT NOT NULL,
            request_type TEXT NOT NULL,
            format TEXT NOT NULL,
            parameters TEXT NULL,
            time_start BIGINT NOT NULL,
            time_end BIGINT NOT NULL,
            time_data_retrieval BIGINT NOT NULL,
            time_processing BIGINT NOT NULL,
            time_rendering BIGINT NOT NULL,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            byte_count BIGINT NOT NULL,
            row_count BIGINT NOT NULL,
            page_count INTEGER NOT NULL,
            peak_memory_kb BIGINT NOT NULL,
            additional_info TEXT NULL
        );
        CREATE INDEX ix_execution_log_start ON execution_log (time_start);
        """;

    private static string Security(string blob) => $"""
        CREATE TABLE item_policies (
            item_id TEXT NOT NULL,
            principal TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (item_id, principal, role)
        );
        CREATE TABLE item_policy_owners (
            item_id TEXT PRIMARY KEY
        );
        CREATE TABLE system_policies (
            principal TEXT NOT NULL,
            role TEXT NOT NULL,
            PRIMARY KEY (principal, role)
        );
        CREATE TABLE data_protection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE TABLE auth_sessions (
            id TEXT PRIMARY KEY,
            user_name TEXT NOT NULL,
            ticket {blob} NOT NULL,
            expires_at BIGINT NULL
        );
        CREATE INDEX ix_auth_sessions_expires ON auth_sessions (expires_at);
        """;

    private const string Subscriptions = """
        CREATE TABLE shared_schedules (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            schedule TEXT NOT NULL,
            paused INTEGER NOT NULL DEFAULT 0,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            modified_at BIGINT NOT NULL
        );
        CREATE UNIQUE INDEX ux_shared_schedules_name ON shared_schedules (name);
        CREATE TABLE subscriptions (
            id TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            owner_principals TEXT NOT NULL,
            report_item_id TEXT NOT NULL,
            description TEXT NULL,
            parameters TEXT NOT NULL,
            format TEXT NOT NULL,
            delivery_kind TEXT NOT NULL,
            delivery_settings TEXT NOT NULL,
            data_driven TEXT NULL,
            schedule TEXT NULL,
            shared_schedule_id TEXT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            created_at BIGINT NOT NULL,
            modified_at BIGINT NOT NULL,
            last_run_at BIGINT NULL,
            last_status TEXT NULL
        );
        CREATE INDEX ix_subscriptions_owner ON subscriptions (owner);
        CREATE INDEX ix_subscriptions_report ON subscriptions (report_item_id);
        CREATE INDEX ix_subscriptions_schedule ON subscriptions (shared_schedule_id);
        CREATE TABLE deliveries (
            id TEXT PRIMARY KEY,
            subscription_id TEXT NOT NULL,
            fire_time BIGINT NOT NULL,
            recipient TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            sent_at BIGINT NULL
        );
        CREATE UNIQUE INDEX ux_deliveries_key ON deliveries (idempotency_key);
        CREATE INDEX ix_deliveries_subscription ON deliveries (subscription_id, fire_time);
        """;

    private const string DataSecurity = """
        CREATE TABLE dataset_security (
            item_id TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at BIGINT NOT NULL
        );
        CREATE TABLE embed_signing_keys (
            key_id TEXT PRIMARY KEY,
            protected_key TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        """;

    public static IReadOnlyList<CatalogMigration> All { get; } =
    [
        new(1, "catalog items, versions and parameter settings", Items + Versions("BLOB"), Items + Versions("BYTEA")),
        new(2, "audit and execution logs", Logs("INTEGER PRIMARY KEY AUTOINCREMENT"), Logs("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")),
        new(3, "item and system role assignments, data-protection keys and sign-in sessions", Security("BLOB"), Security("BYTEA")),
        new(4, "subscriptions, shared schedules and durable deliveries", Subscriptions, Subscriptions),
        new(5, "row-level and object-level security of shared datasets, embed-token signing keys", DataSecurity, DataSecurity),
    ];
}
