// Package worldmap projects the world's countries for the site's maps of
// meetings: Natural Earth's 1:110m admin-0 outlines (geo/countries.geojson,
// see geo/README.md), drawn in the Equal Earth projection as SVG path data
// keyed by ISO 3166-1 alpha-2 code.
//
// # What it draws
//
// A country of the catalog becomes a Shape: its outline as path data, or,
// when its projected area is under MinArea (Malta, Singapore, Luxembourg,
// Bahrain …) or Natural Earth's 1:110m data has no outline for it, a point.
// Every other country is merged into one path of land, drawn for
// orientation only. Antarctica is left out: no party is there and it would
// take a fifth of the height.
//
// The output is language-neutral: the theme adds names, states and links.
// Projection is deterministic, so the same geometry gives the same bytes.
package worldmap

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
)

//go:embed geo/countries.geojson
var countries []byte

// Width of the map in SVG user units; the height follows from the bounds.
const Width = 1000

// MinArea is the projected area, in square user units of a map Width wide,
// under which a country is drawn as a point: about a 5 by 5 square.
const MinArea = 25

// Shape is one country on the map: path data D, or a point at X, Y.
type Shape struct {
	D string  `json:"d,omitempty"`
	X float64 `json:"x,omitempty"`
	Y float64 `json:"y,omitempty"`
	// Point says that the country is too small to see and is marked by a
	// point at X, Y.
	Point bool `json:"point,omitempty"`
}

// Map is the projected world: its viewBox, the land of countries that are
// not asked for as one path, and a Shape per asked-for ISO code that the
// geometry knows, keyed by the code in lower case, as Hugo's params keys
// are.
type Map struct {
	ViewBox string           `json:"view_box"`
	Width   float64          `json:"width"`
	Height  float64          `json:"height"`
	Land    string           `json:"land"`
	Shapes  map[string]Shape `json:"shapes"`
}

// Project draws the world with a Shape for each of the given ISO codes
// that the geometry has; codes it lacks are left out of Shapes.
func Project(isos []string) (Map, error) {
	fc, err := geojson.UnmarshalFeatureCollection(countries)
	if err != nil {
		return Map{}, fmt.Errorf("worldmap: %w", err)
	}
	want := map[string]bool{}
	for _, c := range isos {
		want[c] = true
	}
	// The scale that makes the map Width wide: Equal Earth spans
	// ±XMax on the unit sphere.
	k := Width / (2 * XMax)
	type proj struct {
		iso string
		g   orb.Geometry
	}
	var all []proj
	var bound orb.Bound
	first := true
	for _, f := range fc.Features {
		code := f.Properties.MustString("iso", "")
		if code == "" || code == "AQ" {
			continue
		}
		g := projectGeometry(f.Geometry, k)
		all = append(all, proj{code, g})
		b := g.Bound()
		if first {
			bound, first = b, false
		} else {
			bound = bound.Union(b)
		}
	}
	pad := 4.0
	x0, y0 := math.Floor(bound.Min[0]-pad), math.Floor(bound.Min[1]-pad)
	w, h := math.Ceil(bound.Max[0]+pad)-x0, math.Ceil(bound.Max[1]+pad)-y0
	m := Map{ViewBox: fmt.Sprintf("%g %g %g %g", x0, y0, w, h), Width: w, Height: h, Shapes: map[string]Shape{}}
	var land strings.Builder
	slices.SortFunc(all, func(a, b proj) int { return strings.Compare(a.iso, b.iso) })
	for _, p := range all {
		if !want[p.iso] {
			if _, ok := p.g.(orb.MultiPolygon); ok {
				land.WriteString(pathData(p.g.(orb.MultiPolygon)))
			}
			continue
		}
		switch g := p.g.(type) {
		case orb.Point:
			m.Shapes[strings.ToLower(p.iso)] = Shape{X: round1(g[0]), Y: round1(g[1]), Point: true}
		case orb.MultiPolygon:
			if planar.Area(g) < MinArea {
				c := largest(g)
				m.Shapes[strings.ToLower(p.iso)] = Shape{X: round1(c[0]), Y: round1(c[1]), Point: true}
				continue
			}
			m.Shapes[strings.ToLower(p.iso)] = Shape{D: pathData(g)}
		}
	}
	m.Land = land.String()
	return m, nil
}

// projectGeometry projects longitude and latitude in degrees to SVG user
// units (y down) at scale k.
func projectGeometry(g orb.Geometry, k float64) orb.Geometry {
	pt := func(p orb.Point) orb.Point {
		x, y := EqualEarth(p[0]*math.Pi/180, p[1]*math.Pi/180)
		return orb.Point{x * k, -y * k}
	}
	switch g := g.(type) {
	case orb.Point:
		return pt(g)
	case orb.MultiPolygon:
		out := make(orb.MultiPolygon, len(g))
		for i, poly := range g {
			out[i] = make(orb.Polygon, len(poly))
			for j, r := range poly {
				out[i][j] = make(orb.Ring, len(r))
				for n, p := range r {
					out[i][j][n] = pt(p)
				}
			}
		}
		return out
	}
	return orb.MultiPolygon{}
}

// largest is the centroid of the largest polygon of a country.
func largest(mp orb.MultiPolygon) orb.Point {
	var best orb.Point
	area := -1.0
	for _, p := range mp {
		c, a := planar.CentroidArea(p)
		if a > area {
			best, area = c, a
		}
	}
	return best
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// pathData writes rings as SVG path data: an absolute move to each ring's
// start, then relative lines in tenths of a unit, which keeps the path
// short.
func pathData(mp orb.MultiPolygon) string {
	var b []byte
	num := func(v int64) {
		if v < 0 {
			b = append(b, '-')
			v = -v
		} else if len(b) > 0 && b[len(b)-1] >= '0' && b[len(b)-1] <= '9' {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, v/10, 10)
		if v%10 != 0 {
			b = append(b, '.')
			b = strconv.AppendInt(b, v%10, 10)
		}
	}
	for _, poly := range mp {
		for _, r := range poly {
			var px, py int64
			n := 0
			for i, p := range r {
				x, y := int64(math.Round(p[0]*10)), int64(math.Round(p[1]*10))
				if i == len(r)-1 && len(r) > 1 && p == r[0] {
					break // closed by z
				}
				if i == 0 {
					b = append(b, 'M')
					num(x)
					if y >= 0 {
						b = append(b, ',')
					}
					num(y)
					b = append(b, 'l')
				} else {
					if x == px && y == py {
						continue
					}
					num(x - px)
					num(y - py)
					n++
				}
				px, py = x, y
			}
			b = append(b, 'z')
		}
	}
	return string(b)
}
