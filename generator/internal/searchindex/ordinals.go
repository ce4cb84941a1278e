package searchindex

import (
	"regexp"
	"strconv"
)

// ordinals are, by language, the words for the ordinal numbers one to
// twelve, each with the forms a reader types (gender, and in Russian the
// cases the light stemmer does not join): a meeting is also found by its
// numbers in words, in the index's language and in English ("seventh
// review meeting", «седьмое совещание», «séptima reunión»), where its
// title writes them in figures ("7th", «7-е»). Chinese and Arabic titles
// write them in words already (第七, السابع). Searched, never shown.
var ordinals = map[string][12][]string{
	"en": {
		{"first"}, {"second"}, {"third"}, {"fourth"}, {"fifth"}, {"sixth"},
		{"seventh"}, {"eighth"}, {"ninth"}, {"tenth"}, {"eleventh"}, {"twelfth"},
	},
	"fr": {
		{"première", "premier"}, {"deuxième", "seconde", "second"}, {"troisième"}, {"quatrième"},
		{"cinquième"}, {"sixième"}, {"septième"}, {"huitième"}, {"neuvième"}, {"dixième"},
		{"onzième"}, {"douzième"},
	},
	"es": {
		{"primera", "primer", "primero"}, {"segunda", "segundo"}, {"tercera", "tercer", "tercero"},
		{"cuarta", "cuarto"}, {"quinta", "quinto"}, {"sexta", "sexto"}, {"séptima", "séptimo"},
		{"octava", "octavo"}, {"novena", "noveno"}, {"décima", "décimo"},
		{"undécima", "undécimo"}, {"duodécima", "duodécimo"},
	},
	// The neuter of совещание and its cases; «третий» keeps its soft sign
	// in some cases, which the stemmer leaves.
	"ru": {
		{"первое"}, {"второе"}, {"третье", "третьего", "третьем", "третьему"}, {"четвёртое"},
		{"пятое"}, {"шестое"}, {"седьмое"}, {"восьмое"}, {"девятое"}, {"десятое"},
		{"одиннадцатое"}, {"двенадцатое"},
	},
}

// ordinalWords are the words a meeting of these numbers is found by in the
// index of lang: English's, and lang's own.
func ordinalWords(lang string, numbers []int) []string {
	langs := []string{catalogLang}
	if lang != catalogLang {
		langs = append(langs, lang)
	}
	var out []string
	for _, l := range langs {
		table := ordinals[l]
		for _, n := range numbers {
			if n >= 1 && n <= len(table) {
				out = append(out, table[n-1]...)
			}
		}
	}
	return out
}

// numbered is a number in a meeting's title with the letters that make it
// an ordinal ("7th", "7e", "7.ª", "7-е").
var numbered = regexp.MustCompile(`\d+\S*`)

// spokenTitle is a meeting's title in lang with its numbers in words, the
// first form of each ("Seventh Review Meeting" of "7th Review Meeting",
// «седьмое совещание…» of «7-е совещание…»), or "" where lang has no
// words for them or the title no number: a title the index also holds as
// the meeting's name, so that a reader who types it finds the meeting
// first.
func spokenTitle(lang, title string) string {
	table, ok := ordinals[lang]
	if !ok {
		return ""
	}
	changed := false
	out := numbered.ReplaceAllStringFunc(title, func(w string) string {
		end := 0
		for end < len(w) && w[end] >= '0' && w[end] <= '9' {
			end++
		}
		n, err := strconv.Atoi(w[:end])
		if err != nil || n < 1 || n > len(table) {
			return w
		}
		changed = true
		return table[n-1][0]
	})
	if !changed {
		return ""
	}
	return out
}
