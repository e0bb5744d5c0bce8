using Rdl.Model.Diagnostics;

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
    public static CatalogError InvalidPath(string message) => new(DiagnosticCodes.Catalog.InvalidPath, CatalogErrorKind.Invalid, message);

    public static CatalogError NotFound(string path) => new(DiagnosticCodes.Catalog.NotFound, CatalogErrorKind.NotFound, $"There is no item at '{path}'.");

    public static CatalogError Exists(CatalogPath path) => new(DiagnosticCodes.Catalog.Exists, CatalogErrorKind.Conflict, $"An item already exists at '{path}'; replace it explicitly (overwrite) to publish a new version.");

    public static CatalogError Stale(CatalogPath path) => new(DiagnosticCodes.Catalog.Stale, CatalogErrorKind.PreconditionFailed, $"The item '{path}' has changed since it was read (If-Match does not match its ETag).");

    public static CatalogError IsReadOnly(CatalogPath path) => new(DiagnosticCodes.Catalog.ReadOnly, CatalogErrorKind.ReadOnly, $"The item '{path}' is read-only.");

    public static CatalogError NoParentFolder(CatalogPath path) => new(DiagnosticCodes.Catalog.NoParentFolder, CatalogErrorKind.NotFound, $"The folder '{path.Parent}' for '{path}' does not exist.");

    public static CatalogError BadMove(string message) => new(DiagnosticCodes.Catalog.BadMove, CatalogErrorKind.Invalid, message);

    public static CatalogError WrongKind(CatalogPath path, CatalogItemKind expected, CatalogItemKind actual)
        => new(DiagnosticCodes.Catalog.WrongItemType, CatalogErrorKind.Conflict, $"'{path}' is a {actual}, not a {expected}.");

    public static CatalogError NoVersion(CatalogPath path, int version) => new(DiagnosticCodes.Catalog.NoVersion, CatalogErrorKind.NotFound, $"The item '{path}' has no version {version}.");

    public static CatalogError RestoreBlocked(CatalogPath path) => new(DiagnosticCodes.Catalog.RestoreBlocked, CatalogErrorKind.Conflict, $"An item now exists at '{path}'; move or delete it before restoring.");
}

/// <summary>The outcome of a catalog operation: a value, or the error that refused it.</summary>
public readonly record struct CatalogResult<T>(T? Value, CatalogError? Error)
{
    public bool Success => Error is null;

    public static implicit operator CatalogResult<T>(T value) => new(value, null);

    public static implicit operator CatalogResult<T>(CatalogError error) => new(default, error);
}
