using Rdl.Model.Diagnostics;

namespace Rdl.Model.Definitions;

/// <summary>
/// One &lt;CodeModules&gt;/&lt;CodeModule&gt; entry, as written (for example <c>wasm:textutil</c>, <c>textutil.wasm</c>, or a .NET
/// assembly name from SSRS). The host decides what it may load; the model only keeps the text and where it is.
/// </summary>
public sealed record CodeModuleReference(string Name, SourceLocation Location);
