using System.Globalization;

namespace Corpus.Tests.Exports;

/// <summary>The employee/manager tree of fyiReporting's EmployeeOrg sample, computed from its inline rows.</summary>
internal sealed class EmployeeTree
{
    private readonly Dictionary<string, (string Name, string? Manager, double Salary)> _employees = [];

    public EmployeeTree(DataRows rows)
    {
        foreach (var row in rows.All)
        {
            var manager = DataRows.Text(row[rows.Index("ManagerID")]);
            _employees[DataRows.Text(row[rows.Index("EmployeeID")])] = (
                DataRows.Text(row[rows.Index("EmployeeName")]),
                manager.Length == 0 ? null : manager,
                Convert.ToDouble(row[rows.Index("Salary")], CultureInfo.InvariantCulture));
        }
    }

    public IReadOnlyCollection<string> Ids => _employees.Keys;

    public string Name(string id) => _employees[id].Name;

    /// <summary>1 for an employee without a (known) manager, as the report's <c>Level(...) + 1</c>.</summary>
    public int Depth(string id) =>
        _employees[id].Manager is { } manager && _employees.ContainsKey(manager) ? Depth(manager) + 1 : 1;

    public int SubtreeSize(string id) => 1 + Children(id).Sum(SubtreeSize);

    public double SubtreeSalary(string id) => _employees[id].Salary + Children(id).Sum(SubtreeSalary);

    private IEnumerable<string> Children(string id) => _employees.Where(e => e.Value.Manager == id).Select(e => e.Key);
}
