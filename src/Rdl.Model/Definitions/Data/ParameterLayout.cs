using System.Collections.Immutable;

namespace Rdl.Model.Definitions.Data;

/// <summary>
/// ReportParametersLayout/GridLayoutDefinition: where the parameter prompt places each parameter, as a grid of
/// <see cref="Columns"/> by <see cref="Rows"/> cells (0-based indexes).
/// </summary>
public sealed record ParameterLayout(int Columns, int Rows, ImmutableArray<ParameterLayoutCell> Cells);

public sealed record ParameterLayoutCell(string ParameterName, int Row, int Column);
