using Rdl.Model.Diagnostics;
using Rdl.Model.Expressions;

namespace Rdl.Model.Definitions;

/// <summary>
/// A report or group variable (<c>&lt;Variables&gt;&lt;Variable Name="X"&gt;&lt;Value&gt;=...&lt;/Value&gt;</c>), read as
/// <c>Variables!X.Value</c>. Report variables are evaluated once; group variables once per group instance.
/// </summary>
public sealed record VariableDefinition(string Name, ExpressionText Value, SourceLocation Location);
