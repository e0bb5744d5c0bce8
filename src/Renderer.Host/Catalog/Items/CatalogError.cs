namespace Renderer.Host.Catalog.Items;

/// <summary>Why a catalog operation was refused; the API maps <see cref="Kind"/> to an HTTP status.</summary>
public enum CatalogErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    PreconditionFailed,
    ReadOnly,
}

/// <summary>A refusal with a stable code (CAT9xxx) and a message naming the item.</summary>
public sealed record CatalogError(string Code, CatalogErrorKind Kind, string Message)
{
    public static CatalogError InvalidPath(string message) => new("CAT9001", CatalogErrorKind.Invalid, message);

    public static CatalogError NotFound(string path) => new("CAT9002", CatalogErrorKind.NotFound, $"There is no item at '{path}'.");

    public static CatalogError Exists(CatalogPath path) => new("CAT9003", CatalogErrorKind.Conflict, $"An item already exists at '{path}'; replace it explicitly (overwrite) to publish a new version.");

    public static CatalogError Stale(CatalogPath path) => new("CAT9004", CatalogErrorKind.PreconditionFailed, $"The item '{path}' has changed since it was read (If-Match does not match its ETag).");

    public static CatalogError IsReadOnly(CatalogPath path) => new("CAT9005", CatalogErrorKind.ReadOnly, $"The item '{path}' is read-only.");

    public static CatalogError NoParentFolder(CatalogPath path) => new("CAT9006", CatalogErrorKind.NotFound, $"The folder '{path.Parent}' for '{path}' does not exist.");

    public static CatalogError BadMove(string message) => new("CAT9007", CatalogErrorKind.Invalid, message);

    public static CatalogError WrongKind(CatalogPath path, CatalogItemKind expected, CatalogItemKind actual)
        => new("CAT9008", CatalogErrorKind.Conflict, $"'{path}' is a {actual}, not a {expected}.");

    public static CatalogError NoVersion(CatalogPath path, int version) => new("CAT9009", CatalogErrorKind.NotFound, $"The item '{path}' has no version {version}.");

    public static CatalogError RestoreBlocked(CatalogPath path) => new("CAT9010", CatalogErrorKind.Conflict, $"An item now exists at '{path}'; move or delete it before restoring.");
}

/// <summary>The outcome of a catalog operation: a value, or the error that refused it.</summary>
public readonly record struct CatalogResult<T>(T? Value, CatalogError? Error)
{
    public bool Success => Error is null;

    public static implicit operator CatalogResult<T>(T value) => new(value, null);

    public static implicit operator CatalogResult<T>(CatalogError error) => new(default, error);
}
