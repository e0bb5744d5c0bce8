#!/usr/bin/env python3
"""Issue 17 item 5: the cost of drawing a map. Writes a report with one map of N polygons (a grid of squares with
jagged edges, P vertices each, as WKT in an inline XML dataset, bound to a color rule by a MapDataRegion) and times
`render` through the CLI (compiler, sandbox, broker) for PDF and XLSX, R runs each, printing median and minimum wall
time and the output size. Usage: python3 bench/map-render-cost.py [--polygons 1000] [--points 40] [--runs 3]
(run `dotnet build -c Release src/Renderer.Host` first)."""
import argparse, math, os, statistics, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--polygons", type=int, default=1000)
parser.add_argument("--points", type=int, default=40)
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--config", default="Release")
args = parser.parse_args()

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
host = os.path.join(root, "src", "Renderer.Host", "bin", args.config, "net10.0", "Renderer.Host.dll")
side = math.ceil(math.sqrt(args.polygons))
rows = []
for i in range(args.polygons):
    x0, y0 = (i % side) * 1.0, (i // side) * 1.0
    ring = []
    n = max(4, args.points)
    for k in range(n):
        t = k / n
        # Walk the square's edge with a small wobble so every vertex is distinct.
        edge, f = divmod(t * 4, 1)
        wobble = 0.02 * math.sin(k * 1.7)
        px, py = [(x0 + f, y0 + wobble), (x0 + 1 + wobble, y0 + f), (x0 + 1 - f, y0 + 1 + wobble), (x0 + wobble, y0 + 1 - f)][int(edge)]
        ring.append(f"{px:.4f} {py:.4f}")
    ring.append(ring[0])
    rows.append(f'<Row Name="P{i}" Value="{(i * 37) % 1000}" Shape="POLYGON (({", ".join(ring)}))" />')

report = f'''<?xml version="1.0" encoding="utf-8"?>
<Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2016/01/reportdefinition">
<DataSources><DataSource Name="Inline"><ConnectionProperties><DataProvider>XML</DataProvider><ConnectString /></ConnectionProperties></DataSource></DataSources>
<DataSets><DataSet Name="Areas"><Query><DataSourceName>Inline</DataSourceName><CommandText><![CDATA[<Query><XmlData><Data>{"".join(rows)}</Data></XmlData><ElementPath>Data/Row</ElementPath></Query>]]></CommandText></Query>
<Fields><Field Name="Name"><DataField>Name</DataField></Field><Field Name="Value"><DataField>Value</DataField></Field><Field Name="Shape"><DataField>Shape</DataField></Field></Fields></DataSet></DataSets>
<ReportSections><ReportSection><Body><ReportItems><Map Name="Big"><MapViewport><MapCoordinateSystem>Planar</MapCoordinateSystem></MapViewport>
<MapDataRegions><MapDataRegion Name="ByName"><DataSetName>Areas</DataSetName><MapMember><Group Name="G"><GroupExpressions><GroupExpression>=Fields!Name.Value</GroupExpression></GroupExpressions></Group></MapMember></MapDataRegion></MapDataRegions>
<MapLayers><MapPolygonLayer Name="Cells"><MapDataRegionName>ByName</MapDataRegionName>
<MapBindingFieldPairs><MapBindingFieldPair><FieldName>Name</FieldName><BindingExpression>=Fields!Name.Value</BindingExpression></MapBindingFieldPair></MapBindingFieldPairs>
<MapSpatialDataSet><DataSetName>Areas</DataSetName><SpatialField>Shape</SpatialField><MapFieldNames><MapFieldName>Name</MapFieldName></MapFieldNames></MapSpatialDataSet>
<MapPolygonRules><MapColorRangeRule><DataValue>=Sum(CDbl(Fields!Value.Value))</DataValue><DistributionType>Optimal</DistributionType><BucketCount>5</BucketCount></MapColorRangeRule></MapPolygonRules>
</MapPolygonLayer></MapLayers><Top>0in</Top><Left>0in</Left><Height>7in</Height><Width>7in</Width></Map></ReportItems><Height>7in</Height></Body><Width>7in</Width>
<Page><PageHeight>8in</PageHeight><PageWidth>8in</PageWidth></Page></ReportSection></ReportSections></Report>'''

with tempfile.TemporaryDirectory() as work:
    rdl = os.path.join(work, "BigMap.rdl")
    with open(rdl, "w", encoding="utf-8") as f:
        f.write(report)
    print(f"{args.polygons} polygons x {args.points} vertices, RDL {os.path.getsize(rdl) // 1024} KB, {args.runs} runs")
    print("| format | median wall (s) | min (s) | output (KB) |")
    print("|---|---:|---:|---:|")
    for fmt in ("pdf", "xlsx"):
        out = os.path.join(work, "out." + fmt)
        times = []
        for _ in range(args.runs):
            start = time.monotonic()
            run = subprocess.run(["dotnet", host, "render", rdl, "--format", fmt, "--out", out], capture_output=True, text=True)
            times.append(time.monotonic() - start)
            if run.returncode != 0:
                sys.exit(f"render {fmt} failed:\n{run.stdout}\n{run.stderr}")
        print(f"| {fmt} | {statistics.median(times):.2f} | {min(times):.2f} | {os.path.getsize(out) // 1024} |")
