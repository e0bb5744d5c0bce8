using Rdl.Model.Definitions;

namespace DataBroker.Security;

/// <summary>A report dataset bound to an administrator's shared dataset: its catalog path, the registered source it runs on, its query and its security.</summary>
public sealed record SharedDataSetBinding(string Path, string RegisteredSource, string CommandText, DataSetSecurity Security);

/// <summary>
/// What one render's queries may see: the effective identity, and the shared datasets its report (and subreports)
/// bind to, resolved by the host from its catalog. The broker applies the shared dataset's query and security instead
/// of anything the report says, and refuses a report's own query on a protected source.
/// </summary>
public sealed class DataAccess(EffectiveIdentity identity)
{
    private readonly Dictionary<ReportDefinition, Dictionary<string, SharedDataSetBinding>> _bindings = new(ReferenceEqualityComparer.Instance);

    public EffectiveIdentity Identity { get; } = identity;

    public void Bind(ReportDefinition report, string dataSetName, SharedDataSetBinding binding)
    {
        if (!_bindings.TryGetValue(report, out var byName)) _bindings[report] = byName = new(StringComparer.OrdinalIgnoreCase);
        byName[dataSetName] = binding;
    }

    public SharedDataSetBinding? Find(ReportDefinition report, string dataSetName) =>
        _bindings.TryGetValue(report, out var byName) && byName.TryGetValue(dataSetName, out var binding) ? binding : null;
}
