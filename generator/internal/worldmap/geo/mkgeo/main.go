// Command mkgeo reduces Natural Earth's admin-0 countries, as world-atlas
// ships them and topojson-client's topo2geo turns them into GeoJSON, to the
// file the site draws (countries.geojson beside this folder): one feature per
// country keyed by its ISO 3166-1 alpha-2 code, outlines from the 1:110m
// data simplified, and a point for each country too small to be in the
// 1:110m data, from the 1:50m data. See ../README.md for the exact steps.
//
// Usage: go run ./generator/internal/worldmap/geo/mkgeo c110.json c50.json > countries.geojson
package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
	"golang.org/x/text/language"
)

// tolerance of the simplification in degrees (about 0.7 px on a map 1,000
// px wide) and the precision kept (0.01 degree).
const tolerance, precision = 0.25, 100

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mkgeo:", err)
		os.Exit(1)
	}
}

func read(name string) (*geojson.FeatureCollection, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return geojson.UnmarshalFeatureCollection(b)
}

// iso is the alpha-2 code of a feature's ISO 3166-1 numeric id, "" for a
// feature without one (Natural Earth's disputed areas).
func iso(f *geojson.Feature) string {
	s, _ := f.ID.(string)
	r, err := language.ParseRegion(s)
	if s == "" || err != nil || !r.IsCountry() {
		return ""
	}
	return r.String()
}

func run(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: mkgeo countries-110m.geojson countries-50m.geojson")
	}
	c110, err := read(args[0])
	if err != nil {
		return err
	}
	c50, err := read(args[1])
	if err != nil {
		return err
	}
	out := geojson.NewFeatureCollection()
	have := map[string]bool{}
	for _, f := range c110.Features {
		code := iso(f)
		if code == "" || have[code] {
			continue
		}
		g := reduce(f.Geometry)
		if g == nil {
			continue
		}
		have[code] = true
		nf := geojson.NewFeature(g)
		nf.Properties = geojson.Properties{"iso": code}
		out.Append(nf)
	}
	for _, f := range c50.Features {
		code := iso(f)
		if code == "" || have[code] {
			continue
		}
		have[code] = true
		nf := geojson.NewFeature(orb.Round(largestCentroid(f.Geometry), precision))
		nf.Properties = geojson.Properties{"iso": code}
		out.Append(nf)
	}
	slices.SortFunc(out.Features, func(a, b *geojson.Feature) int {
		return cmp.Compare(a.Properties.MustString("iso"), b.Properties.MustString("iso"))
	})
	// One feature a line: small diffs when the data is produced again.
	os.Stdout.WriteString(`{"type":"FeatureCollection","features":[` + "\n")
	for i, f := range out.Features {
		b, err := json.Marshal(f)
		if err != nil {
			return err
		}
		if i > 0 {
			os.Stdout.WriteString(",\n")
		}
		os.Stdout.Write(b)
	}
	os.Stdout.WriteString("\n]}\n")
	return nil
}

// reduce simplifies and rounds an outline, dropping rings that collapse.
func reduce(g orb.Geometry) orb.Geometry {
	var polys orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		polys = g
	default:
		return nil
	}
	polys = splitAntimeridian(polys)
	var out orb.MultiPolygon
	for _, p := range polys {
		var np orb.Polygon
		for i, r := range p {
			r = orb.Round(simplify.DouglasPeucker(tolerance).Simplify(r.Clone()), precision).(orb.Ring)
			if len(r) < 4 {
				if i == 0 {
					break
				}
				continue
			}
			np = append(np, r)
		}
		if len(np) > 0 {
			out = append(out, np)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// splitAntimeridian cuts the polygons that cross longitude ±180° (Russia's
// Chukotka, Fiji), which the source writes as rings jumping from one side to
// the other, into a part on each side: each ring is made continuous, then
// the polygon is clipped to the world and, shifted by a full turn, again.
func splitAntimeridian(mp orb.MultiPolygon) orb.MultiPolygon {
	world := orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}
	var out orb.MultiPolygon
	for _, p := range mp {
		var cont orb.Polygon
		for _, r := range p {
			cont = append(cont, unwrap(r))
		}
		b := cont.Bound()
		if b.Min[0] >= -180 && b.Max[0] <= 180 {
			out = append(out, cont)
			continue
		}
		for _, shift := range []float64{0, 360, -360} {
			moved := make(orb.Polygon, len(cont))
			for i, r := range cont {
				moved[i] = make(orb.Ring, len(r))
				for j, pt := range r {
					moved[i][j] = orb.Point{pt[0] + shift, pt[1]}
				}
			}
			if c := clip.Polygon(world, moved); len(c) > 0 && len(c[0]) >= 4 {
				out = append(out, c)
			}
		}
	}
	return out
}

// unwrap makes a ring's longitudes continuous: a step of more than 180°
// is a crossing of the antimeridian, not a trip round the world.
func unwrap(r orb.Ring) orb.Ring {
	out := make(orb.Ring, len(r))
	off := 0.0
	for i, p := range r {
		if i > 0 {
			switch d := p[0] + off - out[i-1][0]; {
			case d > 180:
				off -= 360
			case d < -180:
				off += 360
			}
		}
		out[i] = orb.Point{p[0] + off, p[1]}
	}
	return out
}

// largestCentroid is the centroid of a country's largest polygon: where a
// point marks it.
func largestCentroid(g orb.Geometry) orb.Point {
	var polys orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		polys = g
	case orb.Point:
		return g
	}
	var best orb.Point
	bestArea := -1.0
	for _, p := range polys {
		c, a := planar.CentroidArea(p)
		if a > bestArea {
			best, bestArea = c, a
		}
	}
	return best
}
