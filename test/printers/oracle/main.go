package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	apistorage "k8s.io/apiserver/pkg/storage"
	"k8s.io/kubernetes/pkg/api/legacyscheme"
	_ "k8s.io/kubernetes/pkg/apis/apps/install"
	_ "k8s.io/kubernetes/pkg/apis/batch/install"
	_ "k8s.io/kubernetes/pkg/apis/coordination/install"
	_ "k8s.io/kubernetes/pkg/apis/core/install"
	_ "k8s.io/kubernetes/pkg/apis/discovery/install"
	_ "k8s.io/kubernetes/pkg/apis/events/install"
	_ "k8s.io/kubernetes/pkg/apis/policy/install"
	_ "k8s.io/kubernetes/pkg/apis/rbac/install"
	_ "k8s.io/kubernetes/pkg/apis/scheduling/install"
	"k8s.io/kubernetes/pkg/printers"
	printersinternal "k8s.io/kubernetes/pkg/printers/internalversion"
	"k8s.io/kubernetes/pkg/registry/apps/replicaset"
	"k8s.io/kubernetes/pkg/registry/batch/job"
	"k8s.io/kubernetes/pkg/registry/core/configmap"
	"k8s.io/kubernetes/pkg/registry/core/event"
	"k8s.io/kubernetes/pkg/registry/core/namespace"
	"k8s.io/kubernetes/pkg/registry/core/node"
	"k8s.io/kubernetes/pkg/registry/core/pod"
	"k8s.io/kubernetes/pkg/registry/core/replicationcontroller"
	"k8s.io/kubernetes/pkg/registry/core/secret"
	"k8s.io/kubernetes/pkg/registry/core/service"
)

type inCase struct {
	Name       string          `json:"name"`
	Group      string          `json:"group"`
	Version    string          `json:"version"`
	Kind       string          `json:"kind"`
	Namespaced bool            `json:"namespaced"`
	Object     json.RawMessage `json:"object"`
	Labels     []string        `json:"labels"`
}

type input struct {
	Now   time.Time `json:"now"`
	Cases []inCase  `json:"cases"`
}

type conv struct {
	OK  *string `json:"ok,omitempty"`
	Err *string `json:"err,omitempty"`
}

type outCase struct {
	Name        string                         `json:"name"`
	Columns     []metav1.TableColumnDefinition `json:"columns,omitempty"`
	Rows        []outRow                       `json:"rows,omitempty"`
	TableErr    string                         `json:"tableErr,omitempty"`
	Fields      map[string]string              `json:"fields"`
	Conversions map[string]conv                `json:"conversions"`
}

type outRow struct {
	Cells      []interface{}             `json:"cells"`
	Conditions []metav1.TableRowCondition `json:"conditions,omitempty"`
}

var ts = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$`)

func shift(v interface{}, d time.Duration) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		for k, x := range t {
			t[k] = shift(x, d)
		}
	case []interface{}:
		for i, x := range t {
			t[i] = shift(x, d)
		}
	case string:
		if ts.MatchString(t) {
			p, err := time.Parse(time.RFC3339Nano, t)
			if err == nil && p.Year() > 1 {
				if strings.Contains(t, ".") {
					return p.Add(d).UTC().Format("2006-01-02T15:04:05.000000Z07:00")
				}
				return p.Add(d).UTC().Format(time.RFC3339)
			}
		}
	}
	return v
}

func attrs(obj runtime.Object, namespaced bool) (fields.Set, error) {
	var fn func(runtime.Object) (labels.Set, fields.Set, error)
	switch obj.(type) {
	default:
		if namespaced {
			fn = apistorage.DefaultNamespaceScopedAttr
		} else {
			fn = apistorage.DefaultClusterScopedAttr
		}
	}
	switch fmt.Sprintf("%T", obj) {
	case "*core.Pod":
		fn = pod.GetAttrs
	case "*core.Node":
		fn = node.GetAttrs
	case "*core.Namespace":
		fn = namespace.GetAttrs
	case "*core.Secret":
		fn = secret.GetAttrs
	case "*core.Service":
		fn = service.GetAttrs
	case "*core.ReplicationController":
		fn = replicationcontroller.GetAttrs
	case "*core.Event":
		fn = event.GetAttrs
	case "*core.ConfigMap":
		fn = configmap.GetAttrs
	case "*apps.ReplicaSet":
		fn = replicaset.GetAttrs
	case "*batch.Job":
		fn = job.GetAttrs
	}
	_, f, err := fn(obj)
	return f, err
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	// Whole seconds: ages then read as at NOW plus less than a second of run time.
	delta := time.Since(in.Now).Truncate(time.Second)
	gen := printers.NewTableGenerator().With(printersinternal.AddHandlers)
	var out []outCase
	for _, c := range in.Cases {
		o := outCase{Name: c.Name, Conversions: map[string]conv{}}
		var raw interface{}
		json.Unmarshal(c.Object, &raw)
		raw = shift(raw, delta)
		b, _ := json.Marshal(raw)
		gvk := schema.GroupVersionKind{Group: c.Group, Version: c.Version, Kind: c.Kind}
		versioned, err := legacyscheme.Scheme.New(gvk)
		if err != nil {
			panic(err)
		}
		if err := json.Unmarshal(b, versioned); err != nil {
			panic(fmt.Sprintf("%s: %v", c.Name, err))
		}
		legacyscheme.Scheme.Default(versioned)
		internal, err := legacyscheme.Scheme.ConvertToVersion(versioned, schema.GroupVersion{Group: c.Group, Version: runtime.APIVersionInternal})
		if err != nil {
			panic(fmt.Sprintf("%s: %v", c.Name, err))
		}
		table, err := gen.GenerateTable(internal, printers.GenerateOptions{Wide: true})
		if err != nil {
			o.TableErr = err.Error()
		} else {
			o.Columns = table.ColumnDefinitions
			for _, r := range table.Rows {
				o.Rows = append(o.Rows, outRow{Cells: r.Cells, Conditions: r.Conditions})
			}
		}
		f, err := attrs(internal, c.Namespaced)
		if err != nil {
			panic(err)
		}
		o.Fields = f
		for _, l := range c.Labels {
			nl, _, err := legacyscheme.Scheme.ConvertFieldLabel(gvk, l, "v")
			if err != nil {
				e := err.Error()
				o.Conversions[l] = conv{Err: &e}
			} else {
				o.Conversions[l] = conv{OK: &nl}
			}
		}
		out = append(out, o)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}
