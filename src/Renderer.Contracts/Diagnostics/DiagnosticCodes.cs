using static Rdl.Model.Diagnostics.DiagnosticSeverity;

namespace Rdl.Model.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic code, one constant each with its usual severity and a one-line meaning; the code that
/// raises a diagnostic names the constant, never a literal (checked by DiagnosticCatalogueTests, which also keeps
/// docs/diagnostics.md in step with this file). Ranges: RDL1xxx reading, RDL2xxx definition checks, EXP3xxx compiling,
/// PRC4xxx processing, PAG5xxx pagination, DAT6xxx data, SBX7xxx sandbox, SUB71xx subreports, PRM8xxx request
/// parameters, SRV8xxx server, CAT9xxx catalog. A code once published keeps its meaning; a new meaning takes a new code.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>RDL1xxx: reading the document; RDL2xxx: checking the definition.</summary>
    public static class Rdl
    {
        [Diagnostic(Error, "The document is not well-formed XML (a DTD or DOCTYPE included).")]
        public const string NotWellFormed = "RDL1001";

        [Diagnostic(Error, "The root is not an RDL <Report> in a known RDL namespace.")]
        public const string UnknownNamespace = "RDL1002";

        [Diagnostic(Error, "A size is not a finite number followed by in, cm, mm, pt or pc.")]
        public const string InvalidSize = "RDL1003";

        [Diagnostic(Error, "A boolean, integer or enumeration value is not valid.")]
        public const string InvalidValue = "RDL1004";

        [Diagnostic(Error, "A required element or attribute (e.g. Name) is missing.")]
        public const string MissingRequired = "RDL1005";

        [Diagnostic(Error, "The document passes the reader's size, depth or element-count limit.")]
        public const string LimitExceeded = "RDL1006";

        [Diagnostic(Warning, "The document has no RDL namespace or a pre-release one; it is read as the nearest schema.")]
        public const string NonStandardNamespace = "RDL1007";

        [Diagnostic(Warning, "An element the reader does not know was ignored.")]
        public const string UnknownElement = "RDL1100";

        [Diagnostic(Warning, "A report item type that is not supported yet was left out.")]
        public const string UnsupportedItem = "RDL1101";

        [Diagnostic(Warning, "A feature that is not supported yet was ignored or drawn another way.")]
        public const string UnsupportedFeature = "RDL1102";

        [Diagnostic(Warning, "A dataset has no query; its rows must be supplied by the caller.")]
        public const string DataSetWithoutQuery = "RDL1103";

        [Diagnostic(Error, "Two report items have the same name.")]
        public const string DuplicateItemName = "RDL2001";

        [Diagnostic(Error, "A data region names a dataset that is not declared.")]
        public const string UndeclaredDataSet = "RDL2002";

        [Diagnostic(Error, "A query names a data source that is not declared.")]
        public const string UndeclaredDataSource = "RDL2003";

        [Diagnostic(Error, "A TablixRow does not have one TablixCell per column.")]
        public const string TablixCellCount = "RDL2004";

        [Diagnostic(Error, "The leaf members of the row hierarchy do not match the body rows.")]
        public const string TablixRowMemberCount = "RDL2005";

        [Diagnostic(Error, "The leaf members of the column hierarchy do not match the body columns.")]
        public const string TablixColumnMemberCount = "RDL2006";

        [Diagnostic(Error, "Two data sources, datasets or parameters have the same name.")]
        public const string DuplicateName = "RDL2007";

        [Diagnostic(Error, "A data region names no dataset while the report declares none or several.")]
        public const string DataRegionWithoutDataSet = "RDL2008";

        [Diagnostic(Error, "Page size, margins, columns, header and footer leave the body no area.")]
        public const string NoUsableArea = "RDL2009";
    }

    /// <summary>EXP3xxx: compiling expressions, Code and WebAssembly modules.</summary>
    public static class Expressions
    {
        [Diagnostic(Error, "The expression compiler could not load its references.")]
        public const string CompilerUnavailable = "EXP3000";

        [Diagnostic(Error, "An expression does not compile (the VB compiler's error, at the expression).")]
        public const string ExpressionError = "EXP3001";

        [Diagnostic(Error, "The report's <Code> block does not compile.")]
        public const string CodeBlockError = "EXP3002";

        [Diagnostic(Error, "An aggregate or scope function names a scope that is not valid there.")]
        public const string InvalidScope = "EXP3010";

        [Diagnostic(Warning, "A drillthrough expression does not compile and is replaced by Nothing.")]
        public const string DrillthroughDropped = "EXP3011";

        [Diagnostic(Error, "Parameters!X or Fields!X names nothing the report declares.")]
        public const string UndeclaredReference = "EXP3012";

        [Diagnostic(Error, "Report code uses a type or member that is not on the allow-list.")]
        public const string Forbidden = "EXP3100";

        [Diagnostic(Error, "A <CodeModule> names no usable WebAssembly module in the modules folder.")]
        public const string WasmReferenceError = "EXP3200";

        [Diagnostic(Error, "A WebAssembly module breaks the module ABI and is refused.")]
        public const string WasmModuleError = "EXP3201";

        [Diagnostic(Warning, "A <CodeModule> naming a .NET assembly is not loaded.")]
        public const string AssemblyIgnored = "EXP3202";

        [Diagnostic(Error, "Compiling passed a limit of the compile worker (CPU, memory or wall-clock time).")]
        public const string CompileOverBudget = "EXP3300";

        [Diagnostic(Error, "The compile worker could not start or ended for another reason.")]
        public const string CompileWorkerFailed = "EXP3301";
    }

    /// <summary>PRC4xxx: processing (parameters, expressions at run time, filters, images, links, subreports).</summary>
    public static class Processing
    {
        [Diagnostic(Warning, "An expression failed at run time; its value shows #Error.")]
        public const string ExpressionFailed = "PRC4001";

        [Diagnostic(Error, "A parameter's default or valid value could not be evaluated.")]
        public const string ParameterValueFailed = "PRC4002";

        [Diagnostic(Error, "A parameter has no default value and none was given.")]
        public const string ParameterMissing = "PRC4003";

        [Diagnostic(Warning, "Further expression errors were counted but not listed.")]
        public const string ErrorsSuppressed = "PRC4004";

        [Diagnostic(Error, "A parameter's default or valid values could not be read from their dataset.")]
        public const string ParameterDataSetFailed = "PRC4005";

        [Diagnostic(Error, "A parameter value is not one of its valid values or not of its type.")]
        public const string InvalidParameterValue = "PRC4006";

        [Diagnostic(Error, "A filter could not be applied (operator, value count or values that cannot be compared).")]
        public const string FilterFailed = "PRC4010";

        [Diagnostic(Warning, "An external image value is refused: a URL (the server fetches nothing), or a path that leaves the root folder.")]
        public const string ExternalImageRefused = "PRC4020";

        [Diagnostic(Warning, "An image names an embedded image the report does not have.")]
        public const string EmbeddedImageMissing = "PRC4021";

        [Diagnostic(Warning, "A database image's value is not binary data.")]
        public const string ImageNotBinary = "PRC4022";

        [Diagnostic(Warning, "An image's bytes are not a picture format that can be decoded.")]
        public const string ImageUndecodable = "PRC4023";

        [Diagnostic(Warning, "An external image names no image resource the caller may view (in the catalog, or beside the report file on the command line).")]
        public const string ExternalImageMissing = "PRC4024";

        [Diagnostic(Warning, "A hyperlink that is not absolute http, https or mailto was dropped.")]
        public const string UnsafeHyperlink = "PRC4030";

        [Diagnostic(Warning, "A nested data region over another dataset shows that whole dataset.")]
        public const string UncorrelatedRegion = "PRC4040";

        [Diagnostic(Warning, "HTML markup in a placeholder is malformed and is shown as it is.")]
        public const string MalformedHtml = "PRC4050";

        [Diagnostic(Warning, "An indicator's automatic minimum or maximum is taken as 0 and 100.")]
        public const string AutomaticGaugeRange = "PRC4061";

        [Diagnostic(Warning, "A subreport could not be shown; its place shows the error text.")]
        public const string SubreportNotShown = "PRC4070";

        [Diagnostic(Warning, "A subreport is given a parameter it does not declare.")]
        public const string SubreportUndeclaredParameter = "PRC4071";

        [Diagnostic(Warning, "A map tile layer needs the internet; the map is drawn without it.")]
        public const string MapTileLayer = "PRC4080";

        [Diagnostic(Warning, "Spatial values of a map layer are not WKT or WKB; those elements are left out.")]
        public const string MapUnreadSpatialData = "PRC4081";

        [Diagnostic(Warning, "A map layer reads a shapefile from the report server, which is not supported; it is left out.")]
        public const string MapShapefileLayer = "PRC4082";

        [Diagnostic(Warning, "A map projection that is not drawn is shown as Equirectangular.")]
        public const string MapProjection = "PRC4083";

        [Diagnostic(Error, "Processing of the report failed.")]
        public const string ProcessingFailed = "PRC4090";
    }

    /// <summary>PAG5xxx: pagination and layout.</summary>
    public static class Layout
    {
        [Diagnostic(Warning, "An item wider than the page is cut at the page edge.")]
        public const string WiderThanPage = "PAG5001";
    }

    /// <summary>DAT6xxx: the data broker, its credential store and data access rules.</summary>
    public static class Data
    {
        [Diagnostic(Error, "The report's data source matches no data source registered on the server.")]
        public const string UnregisteredDataSource = "DAT6001";

        [Diagnostic(Error, "The requested dataset is not declared by the report.")]
        public const string UndeclaredDataSet = "DAT6002";

        [Diagnostic(Error, "The query failed (provider error, unreadable file, timeout).")]
        public const string QueryFailed = "DAT6003";

        [Diagnostic(Error, "A multi-value query parameter cannot be expanded.")]
        public const string MultiValueParameter = "DAT6004";

        [Diagnostic(Error, "A query parameter has no value, or one of a type the broker does not bind.")]
        public const string InvalidParameterValue = "DAT6005";

        [Diagnostic(Error, "The dataset returned more rows than the broker's limit.")]
        public const string TooManyRows = "DAT6006";

        [Diagnostic(Error, "The registered data source cannot be used (unknown provider, missing credential).")]
        public const string DataSourceMisconfigured = "DAT6007";

        [Diagnostic(Error, "A report-supplied data source the broker will not read (a URL or file).")]
        public const string RefusedDataSource = "DAT6008";

        [Diagnostic(Error, "A request carries a value for a query parameter the dataset does not declare.")]
        public const string UndeclaredQueryParameter = "DAT6009";

        [Diagnostic(Error, "A dataset could not be loaded into the render.")]
        public const string DataSetNotLoaded = "DAT6010";

        [Diagnostic(Error, "A value, a row or the render's data passed a size limit.")]
        public const string DataTooLarge = "DAT6012";

        [Diagnostic(Error, "A row value holds part of the data source's connection string.")]
        public const string SecretInData = "DAT6013";

        [Diagnostic(Error, "Encrypted connection strings exist but no key ring is configured or found.")]
        public const string KeyRingMissing = "DAT6020";

        [Diagnostic(Error, "The key ring cannot be read.")]
        public const string KeyRingMalformed = "DAT6021";

        [Diagnostic(Error, "A credential was encrypted with a key id the key ring does not hold.")]
        public const string UnknownKeyId = "DAT6022";

        [Diagnostic(Error, "A credential could not be decrypted (wrong key, tampered, or moved to another data source).")]
        public const string DecryptionFailed = "DAT6023";

        [Diagnostic(Error, "The encrypted credential file cannot be read.")]
        public const string CredentialFileMalformed = "DAT6024";

        [Diagnostic(Error, "A credential command cannot be carried out.")]
        public const string InvalidCredentialOperation = "DAT6025";

        [Diagnostic(Error, "The report may not use a data source restricted to other reports.")]
        public const string RestrictedDataSource = "DAT6040";

        [Diagnostic(Error, "A data source protected by row-level security accepts only the administrators' shared datasets; the report's own query was refused.")]
        public const string ProtectedDataSource = "DAT6050";

        [Diagnostic(Error, "The report uses a field that object-level security hides from the user.")]
        public const string HiddenField = "DAT6051";

        [Diagnostic(Error, "A shared dataset the report names does not exist, or its definition cannot be used.")]
        public const string SharedDataSetUnavailable = "DAT6052";

        [Diagnostic(Error, "A row-level security rule names a column the dataset does not return; no rows are shown.")]
        public const string SecurityRuleColumnMissing = "DAT6053";
    }

    /// <summary>SBX7xxx: the sandbox process; SUB71xx: resolving subreports.</summary>
    public static class Sandbox
    {
        [Diagnostic(Error, "The sandbox could not be started.")]
        public const string StartFailed = "SBX7000";

        [Diagnostic(Error, "The sandbox process exited unexpectedly.")]
        public const string Crashed = "SBX7001";

        [Diagnostic(Error, "The render failed unexpectedly inside the sandbox.")]
        public const string RenderFailed = "SBX7002";

        [Diagnostic(Error, "The render passed its time or CPU limit and was stopped.")]
        public const string TimedOut = "SBX7003";

        [Diagnostic(Error, "The sandbox was stopped after a protocol error.")]
        public const string ProtocolError = "SBX7004";

        [Diagnostic(Warning, "Echo of the sandbox's test hook (tests only).")]
        public const string TestHookEcho = "SBX7999";

        [Diagnostic(Warning, "A subreport names a report that does not exist.")]
        public const string SubreportNotFound = "SUB7101";

        [Diagnostic(Error, "A subreport includes itself, directly or through others.")]
        public const string SubreportRecursive = "SUB7102";

        [Diagnostic(Error, "Subreports are nested deeper than the limit.")]
        public const string SubreportTooDeep = "SUB7103";
    }

    /// <summary>PRM8xxx: a render request's parameters and format; SRV8xxx: the server.</summary>
    public static class Server
    {
        [Diagnostic(Error, "The request names a parameter the report does not have.")]
        public const string UnknownParameter = "PRM8001";

        [Diagnostic(Error, "A single-value parameter was given several values.")]
        public const string TooManyValues = "PRM8002";

        [Diagnostic(Error, "A parameter value cannot be read as the parameter's type.")]
        public const string InvalidParameterValue = "PRM8003";

        [Diagnostic(Error, "The requested output format is not supported.")]
        public const string UnsupportedFormat = "PRM8004";

        [Diagnostic(Warning, "A parameter's default or valid values need report code, which the host does not run; they are left out.")]
        public const string ParameterValuesNeedReportCode = "PRM8011";

        [Diagnostic(Warning, "A parameter's valid values passed the listing limit; the list is cut.")]
        public const string TooManyParameterValues = "PRM8012";

        [Diagnostic(Error, "The server is busy: every render slot is taken and the queue is full.")]
        public const string ServerBusy = "SRV8100";

        [Diagnostic(Error, "The caller's roles do not allow the operation on the item or the server (403).")]
        public const string Forbidden = "SRV8201";

        [Diagnostic(Error, "A viewer render failed on the server side (not in the report); the server log has the details.")]
        public const string ViewerRenderFailed = "SRV8300";

        [Diagnostic(Error, "The viewer session does not exist, expired, or belongs to another user (404).")]
        public const string ViewerSessionNotFound = "SRV8301";

        [Diagnostic(Error, "A viewer request that changes state came from another site or without the viewer's request header.")]
        public const string ViewerCrossSiteRequest = "SRV8302";

        [Diagnostic(Error, "An embed token does not grant the request: another report, an action or export format it does not allow, or an endpoint outside the viewer (403).")]
        public const string EmbedOutOfScope = "SRV8400";

        [Diagnostic(Error, "A request through an embed token gave a parameter value other than the one the token locks (403).")]
        public const string EmbedParameterLocked = "SRV8401";

        [Diagnostic(Error, "A request through an embed token came from an origin the token's application did not register (403).")]
        public const string EmbedOriginRefused = "SRV8402";
    }

    /// <summary>SUB75xx: scheduled subscriptions (SUB71xx are subreports).</summary>
    public static class Subscriptions
    {
        [Diagnostic(Error, "The subscription's owner may no longer view its report; the run fails and is recorded.")]
        public const string OwnerCannotView = "SUB7501";

        [Diagnostic(Error, "The subscription's report no longer exists or no longer compiles.")]
        public const string ReportUnavailable = "SUB7502";

        [Diagnostic(Error, "A delivery failed permanently, or after its last retry.")]
        public const string DeliveryFailed = "SUB7503";

        [Diagnostic(Error, "The subscription is not valid (format, delivery settings, schedule or parameters).")]
        public const string InvalidSubscription = "SUB7504";

        [Diagnostic(Error, "The subscription or shared schedule does not exist, or the caller may not see it (404).")]
        public const string NotFound = "SUB7505";

        [Diagnostic(Error, "A data-driven subscription's recipient query failed.")]
        public const string RecipientQueryFailed = "SUB7506";
    }

    /// <summary>CAT9xxx: the catalog.</summary>
    public static class Catalog
    {
        [Diagnostic(Error, "The path or name is not valid.")]
        public const string InvalidPath = "CAT9001";

        [Diagnostic(Error, "There is no item at the path.")]
        public const string NotFound = "CAT9002";

        [Diagnostic(Error, "An item already exists at the path.")]
        public const string Exists = "CAT9003";

        [Diagnostic(Error, "The item changed since the ETag given in If-Match.")]
        public const string Stale = "CAT9004";

        [Diagnostic(Error, "The item is read-only.")]
        public const string ReadOnly = "CAT9005";

        [Diagnostic(Error, "The parent folder does not exist.")]
        public const string NoParentFolder = "CAT9006";

        [Diagnostic(Error, "The move is not possible (into itself, or onto another item).")]
        public const string BadMove = "CAT9007";

        [Diagnostic(Error, "The item is of another type than the operation needs.")]
        public const string WrongItemType = "CAT9008";

        [Diagnostic(Error, "The item has no such version.")]
        public const string NoVersion = "CAT9009";

        [Diagnostic(Error, "The item cannot be restored: another item now has its path.")]
        public const string RestoreBlocked = "CAT9010";

        [Diagnostic(Error, "A shared dataset names no shared data source.")]
        public const string NoSharedDataSource = "CAT9011";
    }

    private static readonly Lazy<IReadOnlyList<DiagnosticCode>> Entries = new(Collect);

    /// <summary>Every code of the catalogue, in code order.</summary>
    public static IReadOnlyList<DiagnosticCode> All => Entries.Value;

    /// <summary>The catalogue entry of <paramref name="code"/>, or null for a code that is not in it.</summary>
    public static DiagnosticCode? Find(string code) => All.FirstOrDefault(c => c.Code == code);

    private static List<DiagnosticCode> Collect()
    {
        var entries = new List<DiagnosticCode>();
        foreach (var group in typeof(DiagnosticCodes).GetNestedTypes())
        {
            foreach (var field in group.GetFields())
            {
                if (!field.IsLiteral || field.GetRawConstantValue() is not string code) continue;
                var attribute = (DiagnosticAttribute?)Attribute.GetCustomAttribute(field, typeof(DiagnosticAttribute))
                    ?? throw new InvalidOperationException($"DiagnosticCodes.{group.Name}.{field.Name} has no [Diagnostic] severity and meaning.");
                entries.Add(new DiagnosticCode(code, attribute.Severity, attribute.Meaning, $"{group.Name}.{field.Name}"));
            }
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Code, b.Code));
        return entries;
    }
}

/// <summary>One catalogue entry: the code, its usual severity, what it means, and its constant (<c>Group.Name</c>).</summary>
public sealed record DiagnosticCode(string Code, DiagnosticSeverity Severity, string Meaning, string Name);

/// <summary>The severity and one-line meaning of a <see cref="DiagnosticCodes"/> constant.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class DiagnosticAttribute(DiagnosticSeverity severity, string meaning) : Attribute
{
    public DiagnosticSeverity Severity { get; } = severity;

    public string Meaning { get; } = meaning;
}
