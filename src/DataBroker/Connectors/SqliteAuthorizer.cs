using System.Collections.Frozen;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DataBroker.Connectors;

/// <summary>
/// The SQLite authorizer a report's query is compiled under: it lists what a report may do, and SQLite refuses the
/// statement ("not authorized") for anything else. Allowed: SELECT (and recursive common table expressions), reading
/// the ordinary tables and views of the main database (as listed in its schema when the connection opens, minus
/// SQLite's own <c>sqlite_*</c> tables), the table-valued functions <c>json_each</c> and <c>json_tree</c>, and the core
/// scalar, aggregate, window, date, math and JSON functions of <see cref="Functions"/>. Everything else is denied,
/// among it every PRAGMA statement and <c>pragma_*</c> table-valued function (which tell the database's file path),
/// ATTACH and DETACH, the schema tables, virtual tables such as <c>dbstat</c> and <c>sqlite_dbpage</c>, the temp
/// database, writes, transactions, <c>load_extension</c> and the <c>sqlite_*</c> functions.
/// </summary>
internal static class SqliteAuthorizer
{
    private const int Ok = 0;
    private const int Deny = 1;

    private const int ActionRead = 20;
    private const int ActionSelect = 21;
    private const int ActionFunction = 31;
    private const int ActionRecursive = 33;

    /// <summary>Table-valued functions that read nothing but their arguments.</summary>
    private static readonly FrozenSet<string> TableFunctions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "json_each", "json_tree");

    /// <summary>The functions a report's SQL may call.</summary>
    internal static readonly FrozenSet<string> Functions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        // Core scalar functions.
        "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "if", "ifnull", "iif", "instr", "length",
        "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote", "random",
        "randomblob", "replace", "round", "rtrim", "sign", "soundex", "substr", "substring", "trim", "typeof", "unhex",
        "unicode", "unistr", "unistr_quote", "unlikely", "upper", "zeroblob",
        // Date and time.
        "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff", "current_date", "current_time",
        "current_timestamp",
        // Aggregates and window functions.
        "avg", "count", "group_concat", "string_agg", "sum", "total", "median", "percentile", "percentile_cont",
        "percentile_disc", "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
        "first_value", "last_value", "nth_value",
        // Math.
        "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp",
        "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan", "tanh",
        "trunc",
        // JSON.
        "json", "jsonb", "json_array", "jsonb_array", "json_array_length", "json_error_position", "json_extract",
        "jsonb_extract", "json_insert", "jsonb_insert", "json_object", "jsonb_object", "json_patch", "jsonb_patch",
        "json_pretty", "json_quote", "json_remove", "jsonb_remove", "json_replace", "jsonb_replace", "json_set", "jsonb_set",
        "json_type", "json_valid", "json_group_array", "jsonb_group_array", "json_group_object", "jsonb_group_object",
        "->", "->>");

    /// <summary>Installs the authorizer on an open connection; from now on only what it allows compiles.</summary>
    public static void Install(SqliteConnection connection)
    {
        var tables = ReadableTables(connection);
        var rc = raw.sqlite3_set_authorizer(connection.Handle, (_, action, first, second, database, _) =>
            Allows(tables, action, first.utf8_to_string(), second.utf8_to_string(), database.utf8_to_string()) ? Ok : Deny, null);
        if (rc != 0) throw new InvalidOperationException($"the SQLite authorizer could not be installed (error {rc})");
    }

    internal static bool Allows(FrozenSet<string> tables, int action, string? first, string? second, string? database) => action switch
    {
        ActionSelect or ActionRecursive => true,
        // An empty column name: the statement counts the rows of a source (COUNT(*) over a table or a common table
        // expression) without reading any of its values.
        ActionRead => first is not null
            && (second is "" || TableFunctions.Contains(first) || (IsMain(database) && tables.Contains(first))),
        ActionFunction => second is not null && Functions.Contains(second),
        _ => false,
    };

    /// <summary>The main database; SQLite names none for a bare <c>COUNT(*)</c> (no temp object can exist: creating one is denied).</summary>
    private static bool IsMain(string? database) => string.IsNullOrEmpty(database) || string.Equals(database, "main", StringComparison.OrdinalIgnoreCase);

    /// <summary>The main database's tables and views, read before the authorizer is installed (the schema tables are not among them).</summary>
    private static FrozenSet<string> ReadableTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM main.sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
