using System.Collections.Immutable;
using System.Xml.Linq;
using Rdl.Model.Definitions.Data;

namespace Rdl.Model.Reading;

/// <summary>
/// Reads ReportParametersLayout (RDL 2016): GridLayoutDefinition with NumberOfColumns, NumberOfRows and CellDefinitions
/// (ColumnIndex, RowIndex, ParameterName). Cells outside the grid, or naming no parameter of the report, are warned about
/// and left out, so the prompt places those parameters after the grid.
/// </summary>
internal static class ParameterLayoutReader
{
    private const string Owner = "ReportParametersLayout";

    /// <summary>Most rows or columns a parameter grid may have (SSRS's designer allows 8 columns).</summary>
    private const int MaxSize = 100;

    public static ParameterLayout? Read(ReadContext context, XElement element, ImmutableArray<ReportParameterDefinition> parameters)
    {
        var grid = context.Children(element).FirstOrDefault(c => c.Name.LocalName == "GridLayoutDefinition");
        if (grid is null) return null;
        int columns = 0, rows = 0;
        var cells = ImmutableArray.CreateBuilder<ParameterLayoutCell>();
        XElement? definitions = null;
        foreach (var child in context.Children(grid))
        {
            switch (child.Name.LocalName)
            {
                case "NumberOfColumns": columns = context.Int(child, Owner); break;
                case "NumberOfRows": rows = context.Int(child, Owner); break;
                case "CellDefinitions": definitions = child; break;
                default: context.Unknown(child, Owner); break;
            }
        }
        // An omitted count (0) is taken from the cells (at least 1), as the designer writes grids with no rows yet.
        var cellElements = definitions is null ? [] : context.Children(definitions).ToList();
        if (columns == 0) columns = 1;
        if (rows == 0) rows = Math.Max(1, cellElements.Count);
        if (columns is < 1 or > MaxSize || rows is < 1 or > MaxSize)
        {
            context.Warning(RdlDiagnosticCodes.InvalidValue, $"The parameter grid of {columns} columns and {rows} rows is not usable (1 to {MaxSize} each); the prompt lists the parameters in order.", grid);
            return null;
        }
        foreach (var cell in cellElements)
        {
            int column = -1, row = -1;
            string? name = null;
            foreach (var part in context.Children(cell))
            {
                switch (part.Name.LocalName)
                {
                    case "ColumnIndex": column = context.Int(part, Owner, -1); break;
                    case "RowIndex": row = context.Int(part, Owner, -1); break;
                    case "ParameterName": name = ReadContext.Text(part); break;
                    default: context.Unknown(part, Owner); break;
                }
            }
            if (name is null || column < 0 || column >= columns || row < 0 || row >= rows || !parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                context.Warning(RdlDiagnosticCodes.InvalidValue, $"A parameter grid cell (row {row}, column {column}, parameter '{name}') is outside the grid or names no parameter; it is left out.", cell);
                continue;
            }
            cells.Add(new ParameterLayoutCell(name, row, column));
        }
        return new ParameterLayout(columns, rows, cells.ToImmutable());
    }
}
