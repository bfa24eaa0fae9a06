package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/util/duration"
)

type result struct {
	Kind   string            `json:"kind"`
	Input  string            `json:"input"`
	Labels map[string]string `json:"labels,omitempty"`
	OK     *string           `json:"ok,omitempty"`
	Err    *string           `json:"err,omitempty"`
	Match  *bool             `json:"match,omitempty"`
	Format *string           `json:"format,omitempty"`
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []result
	for sc.Scan() {
		line := sc.Text()
		i := strings.Index(line, " ")
		kind, s := line[:i], line[i+1:]
		r := result{Kind: kind, Input: s}
		set := func(v string, err error) {
			if err != nil {
				e := err.Error()
				r.Err = &e
			} else {
				r.OK = &v
			}
		}
		switch kind {
		case "L":
			sel, err := labels.Parse(s)
			if err == nil {
				set(sel.String(), nil)
			} else {
				set("", err)
			}
		case "LM":
			parts := strings.SplitN(s, "\t", 2)
			r.Input = parts[0]
			var ls map[string]string
			json.Unmarshal([]byte(parts[1]), &ls)
			r.Labels = ls
			sel, err := labels.Parse(parts[0])
			if err != nil {
				set("", err)
			} else {
				m := sel.Matches(labels.Set(ls))
				r.Match = &m
			}
		case "F":
			sel, err := fields.ParseSelector(s)
			if err == nil {
				set(sel.String(), nil)
			} else {
				set("", err)
			}
		case "FM":
			parts := strings.SplitN(s, "\t", 2)
			r.Input = parts[0]
			var ls map[string]string
			json.Unmarshal([]byte(parts[1]), &ls)
			r.Labels = ls
			sel, err := fields.ParseSelector(parts[0])
			if err != nil {
				set("", err)
			} else {
				m := sel.Matches(fields.Set(ls))
				r.Match = &m
			}
		case "S":
			var ps *metav1.LabelSelector
			if err := json.Unmarshal([]byte(s), &ps); err != nil {
				panic(err)
			}
			sel, err := metav1.LabelSelectorAsSelector(ps)
			if err == nil {
				set(sel.String(), nil)
			} else {
				set("", err)
			}
			f := metav1.FormatLabelSelector(ps)
			r.Format = &f
		case "D":
			var ms int64
			fmt.Sscan(s, &ms)
			v := duration.HumanDuration(time.Duration(ms) * time.Millisecond)
			r.OK = &v
		case "FL":
			var ls map[string]string
			json.Unmarshal([]byte(s), &ls)
			v := labels.FormatLabels(ls)
			r.OK = &v
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}
