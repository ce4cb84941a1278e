package worldmap

import (
	"math"
	"strings"
	"testing"
)

// Known values of the Equal Earth projection on the unit sphere: on the
// equator at ±180° x is 2√3π/(3·A1) (θ = 0), at the pole θ = π/3, and the
// ratio of the axes is the paper's 2.05:1.
func TestEqualEarthKnownValues(t *testing.T) {
	for _, c := range []struct {
		name         string
		lambda, phi  float64 // degrees
		wantX, wantY float64
	}{
		{"origin", 0, 0, 0, 0},
		{"east on the equator", 180, 0, 2 * math.Sqrt(3) * math.Pi / (3 * 1.340264), 0},
		{"west on the equator", -180, 0, -2 * math.Sqrt(3) * math.Pi / (3 * 1.340264), 0},
		{"north pole", 0, 90, 0, 1.3173627591574},
		{"south pole", 0, -90, 0, -1.3173627591574},
	} {
		x, y := EqualEarth(c.lambda*math.Pi/180, c.phi*math.Pi/180)
		if math.Abs(x-c.wantX) > 1e-9 || math.Abs(y-c.wantY) > 1e-9 {
			t.Errorf("%s: EqualEarth(%g°, %g°) = (%.13f, %.13f), want (%.13f, %.13f)", c.name, c.lambda, c.phi, x, y, c.wantX, c.wantY)
		}
	}
	if r := XMax / YMax; math.Abs(r-2.0546) > 0.001 {
		t.Errorf("ratio of the axes %.4f, want about 2.05", r)
	}
}

// The projection is equal-area: a small cell of the sphere keeps its area,
// cos φ·dλ·dφ, wherever it lies.
func TestEqualEarthKeepsAreas(t *testing.T) {
	const d = 1e-5
	for _, phi := range []float64{0, 10, 30, 45, 60, 75, 89} {
		for _, lambda := range []float64{-170, -40, 0, 90, 179} {
			l, p := lambda*math.Pi/180, phi*math.Pi/180
			x0, y0 := EqualEarth(l, p)
			x1, y1 := EqualEarth(l+d, p)
			x2, y2 := EqualEarth(l, p+d)
			area := math.Abs((x1-x0)*(y2-y0) - (x2-x0)*(y1-y0))
			want := math.Cos(p) * d * d
			if math.Abs(area-want)/want > 1e-3 {
				t.Errorf("cell at %g°, %g°: area %.6g, sphere's %.6g", lambda, phi, area, want)
			}
		}
	}
}

func TestProjectDrawsSmallPartiesAsPoints(t *testing.T) {
	m, err := Project([]string{"FR", "MT", "SG", "LU", "BH", "US"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"MT", "SG", "LU", "BH"} {
		s, ok := m.Shapes[strings.ToLower(c)]
		if !ok || !s.Point || s.D != "" {
			t.Errorf("%s: %+v, want a point", c, s)
		}
	}
	for _, c := range []string{"FR", "US"} {
		if s := m.Shapes[strings.ToLower(c)]; s.Point || !strings.HasPrefix(s.D, "M") {
			t.Errorf("%s: %+v, want an outline", c, s)
		}
	}
	if m.Land == "" || strings.Contains(m.Land, "NaN") {
		t.Errorf("land of the other countries: %.40q", m.Land)
	}
	if m.Width < Width-20 || m.Width > Width+10 {
		t.Errorf("width %g, want about %d", m.Width, Width)
	}
	// A point lies where its country is: Malta north of the equator
	// (y grows down), Singapore east of it.
	if m.Shapes["mt"].Y >= 0 || m.Shapes["sg"].X <= m.Shapes["mt"].X {
		t.Errorf("points misplaced: MT %+v SG %+v", m.Shapes["mt"], m.Shapes["sg"])
	}
}
