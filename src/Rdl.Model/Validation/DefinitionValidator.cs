using System.Collections.Immutable;
using Rdl.Model.Definitions;
using Rdl.Model.Definitions.Items;
using Rdl.Model.Definitions.Tablix;
using Rdl.Model.Diagnostics;
using Rdl.Model.Reading;

namespace Rdl.Model.Validation;

/// <summary>
/// Checks a read report for consistency the schema alone does not ensure: unique names, declared data sets and
/// data sources, a dataset for every data region that is not nested in another, and a Tablix body that matches its
/// hierarchies (RDL2xxx errors).
/// </summary>
internal static class DefinitionValidator
{
    public static void Validate(ReportDefinition report, DiagnosticBag diagnostics)
    {
        CheckUniqueNames(report, diagnostics);
        CheckDataSources(report, diagnostics);
        var itemNames = new Dictionary<string, ReportItem>(StringComparer.Ordinal);
        foreach (var section in report.Sections)
        {
            CheckRegionDataSets(report, section.Body.Items, diagnostics);
            CheckItems(report, section.Body.Items, itemNames, diagnostics);
            if (section.Page.Header is { } header) CheckItems(report, header.Items, itemNames, diagnostics);
            if (section.Page.Footer is { } footer) CheckItems(report, footer.Items, itemNames, diagnostics);
        }
    }

    private static void CheckUniqueNames(ReportDefinition report, DiagnosticBag diagnostics)
    {
        void Check<T>(ImmutableArray<T> definitions, string kind, Func<T, string> name, Func<T, SourceLocation> location)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var definition in definitions)
            {
                if (!seen.Add(name(definition)))
                {
                    diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.DuplicateName,
                        $"The report declares more than one {kind} named '{name(definition)}'.", location(definition), $"{kind} '{name(definition)}'"));
                }
            }
        }
        Check(report.DataSources, "DataSource", d => d.Name, d => d.Location);
        Check(report.DataSets, "DataSet", d => d.Name, d => d.Location);
        Check(report.Parameters, "ReportParameter", p => p.Name, p => p.Location);
    }

    private static void CheckDataSources(ReportDefinition report, DiagnosticBag diagnostics)
    {
        var declared = report.DataSources.Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var dataSet in report.DataSets)
        {
            var name = dataSet.Query.DataSourceName;
            if (name.Length == 0 || dataSet.SharedDataSetReference is not null || declared.Contains(name)) continue;
            diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.UndeclaredDataSource,
                $"DataSet '{dataSet.Name}' uses data source '{name}', which the report does not declare in DataSources.",
                dataSet.Query.Location, $"DataSet '{dataSet.Name}'"));
        }
    }

    private static void CheckItems(ReportDefinition report, ImmutableArray<ReportItem> items, Dictionary<string, ReportItem> names, DiagnosticBag diagnostics)
    {
        foreach (var item in items)
        {
            if (!names.TryAdd(item.Name, item))
            {
                var first = names[item.Name];
                diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.DuplicateItemName,
                    $"The name '{item.Name}' is used by more than one report item (first by {first.Describe()} at {first.Location}); report item names must be unique.",
                    item.Location, item.Describe()));
            }
            switch (item)
            {
                case RectangleItem rectangle:
                    CheckItems(report, rectangle.Items, names, diagnostics);
                    break;
                case TablixDefinition tablix:
                    CheckTablix(report, tablix, diagnostics);
                    var contents = tablix.Rows.SelectMany(r => r.Cells)
                        .Concat(tablix.CornerRows.IsDefault ? [] : tablix.CornerRows.SelectMany(r => r))
                        .Concat(HeaderCells(tablix.RowHierarchy)).Concat(HeaderCells(tablix.ColumnHierarchy))
                        .Select(c => c.Contents).OfType<ReportItem>().ToImmutableArray();
                    CheckItems(report, contents, names, diagnostics);
                    break;
            }
        }
    }

    /// <summary>
    /// A data region outside any other (in the body or its rectangles) that names no dataset takes the report's only
    /// one; with none or several it has no data (RDL2008). Regions nested in a tablix cell take the enclosing region's.
    /// </summary>
    private static void CheckRegionDataSets(ReportDefinition report, ImmutableArray<ReportItem> items, DiagnosticBag diagnostics)
    {
        foreach (var item in items)
        {
            var (region, dataSetName) = item switch
            {
                TablixDefinition t => (true, t.DataSetName),
                Definitions.Charts.ChartDefinition c => (true, c.DataSetName),
                _ => (false, null),
            };
            if (item is RectangleItem rectangle) CheckRegionDataSets(report, rectangle.Items, diagnostics);
            if (item is Definitions.Charts.ChartDefinition && !string.IsNullOrEmpty(dataSetName) && report.FindDataSet(dataSetName) is null)
            {
                diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.UndeclaredDataSet,
                    $"{item.Describe()} uses data set '{dataSetName}', which the report does not declare in DataSets.", item.Location, item.Describe()));
            }
            if (!region || !string.IsNullOrEmpty(dataSetName) || report.DataSets.Length == 1) continue;
            var problem = report.DataSets.Length == 0 ? "the report declares no dataset" : $"the report declares {report.DataSets.Length}";
            diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.DataRegionWithoutDataSet,
                $"{item.Describe()} names no dataset (DataSetName) and {problem}, so it has no rows.", item.Location, item.Describe()));
        }
    }

    private static IEnumerable<TablixCell> HeaderCells(ImmutableArray<TablixMember> members) =>
        (members.IsDefault ? [] : members).SelectMany(m => (m.Header is { } h ? [h.Cell] : Enumerable.Empty<TablixCell>()).Concat(HeaderCells(m.Children)));

    private static void CheckTablix(ReportDefinition report, TablixDefinition tablix, DiagnosticBag diagnostics)
    {
        var path = tablix.Describe();
        if (tablix.DataSetName is { } dataSetName && report.FindDataSet(dataSetName) is null)
        {
            diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.UndeclaredDataSet,
                $"{path} uses data set '{dataSetName}', which the report does not declare in DataSets.", tablix.Location, path));
        }

        var columns = tablix.ColumnWidths.Length;
        for (int r = 0; r < tablix.Rows.Length; r++)
        {
            var row = tablix.Rows[r];
            var location = row.Location.IsKnown ? row.Location : tablix.Location;
            if (row.Cells.Length != columns)
            {
                diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.TablixCellCount,
                    $"TablixRow {r + 1} of {path} has {row.Cells.Length} TablixCell elements but the tablix has {columns} columns "
                    + "(a cell spanning n columns is followed by n-1 empty <TablixCell/> elements).", location, path));
                continue;
            }
            for (int c = 0; c < row.Cells.Length; c++)
            {
                if (c + row.Cells[c].ColSpan <= columns) continue;
                diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.TablixCellCount,
                    $"Cell {c + 1} of TablixRow {r + 1} of {path} spans {row.Cells[c].ColSpan} columns, past the last of the {columns} columns.", location, path));
            }
        }

        var rowLeaves = LeafCount(tablix.RowHierarchy);
        if (rowLeaves != tablix.Rows.Length)
        {
            diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.TablixRowMemberCount,
                $"{path} has {tablix.Rows.Length} TablixRows but its TablixRowHierarchy has {rowLeaves} leaf TablixMembers; there must be one per row.",
                tablix.Location, path));
        }
        var columnLeaves = LeafCount(tablix.ColumnHierarchy);
        if (columnLeaves != columns)
        {
            diagnostics.Add(RdlDiagnostic.Error(RdlDiagnosticCodes.TablixColumnMemberCount,
                $"{path} has {columns} TablixColumns but its TablixColumnHierarchy has {columnLeaves} leaf TablixMembers; there must be one per column.",
                tablix.Location, path));
        }
    }

    private static int LeafCount(ImmutableArray<TablixMember> members) =>
        members.IsDefaultOrEmpty ? 0 : members.Sum(m => m.IsLeaf ? 1 : LeafCount(m.Children));
}
