package worldmap

import "math"

// The Equal Earth projection (Bojan Šavrič, Tom Patterson, Bernhard Jenny,
// "The Equal Earth map projection", International Journal of Geographical
// Information Science 33(3), 2019, doi:10.1080/13658816.2018.1504949):
// equal-area, for world maps.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

// XMax and YMax are the projection's extent on the unit sphere: x at
// longitude ±180° on the equator, y at the poles.
var (
	XMax, _ = EqualEarth(math.Pi, 0)
	_, YMax = EqualEarth(0, math.Pi/2)
)

// EqualEarth projects longitude lambda and latitude phi, in radians, onto
// the plane for a sphere of radius 1 (y up).
func EqualEarth(lambda, phi float64) (x, y float64) {
	m := math.Sqrt(3) / 2
	t := math.Asin(m * math.Sin(phi))
	t2 := t * t
	t6 := t2 * t2 * t2
	x = 2 * math.Sqrt(3) * lambda * math.Cos(t) / (3 * (9*eeA4*t6*t2 + 7*eeA3*t6 + 3*eeA2*t2 + eeA1))
	y = t * (eeA1 + eeA2*t2 + t6*(eeA3+eeA4*t2))
	return x, y
}
