// Command docspace signs in to a DocSpace portal, uses the token and signs out, and makes an API
// key and uses it (Go 1.18+, standard library only):
//
//	go run main.go sign-in                        prints a token, or what the second factor needs
//	go run main.go confirm <code>                 finishes a sign-in with the code from the app or the SMS
//	go run main.go self                           prints who DOCSPACE_TOKEN belongs to
//	go run main.go sign-out                       ends the session of DOCSPACE_TOKEN
//	go run main.go create-key <name> <scope>...   makes an API key with DOCSPACE_TOKEN and prints it, once
//	go run main.go self-with-key                  prints who DOCSPACE_API_KEY belongs to
//
// It reads DOCSPACE_PORTAL, DOCSPACE_USER and DOCSPACE_PASSWORD, DOCSPACE_TOKEN for self, sign-out
// and create-key, and DOCSPACE_API_KEY for self-with-key.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

// signInResult is the payload of a sign-in's answer: a token, or what the second factor needs.
type signInResult struct {
	Token      string `json:"token"`
	Expires    string `json:"expires"`
	Tfa        bool   `json:"tfa"`
	TfaKey     string `json:"tfaKey"`
	Sms        bool   `json:"sms"`
	PhoneNoise string `json:"phoneNoise"`
	ConfirmURL string `json:"confirmUrl"`
}

type profile struct {
	DisplayName string `json:"displayName"`
	Email       string `json:"email"`
}

// newKey is what create-key sends; createdKey the part of the answer it prints.
type newKey struct {
	Name        string   `json:"name"`
	Permissions []string `json:"permissions"`
}

type createdKey struct {
	Key string `json:"key"`
}

type credentials struct {
	UserName string `json:"userName"`
	Password string `json:"password"`
	Code     string `json:"code,omitempty"`
}

func main() {
	step, code := "", ""
	if len(os.Args) > 1 {
		step = os.Args[1]
	}
	if len(os.Args) > 2 {
		code = os.Args[2]
	}
	switch step {
	case "sign-in":
		var result signInResult
		call(http.MethodPost, "/api/2.0/authentication", signInBody(""), "", &result)
		printSignIn(result)
	case "confirm":
		if code == "" || strings.Trim(code, "0123456789") != "" {
			fail("give the code from the app or the SMS, digits only: confirm 123456")
		}
		var result signInResult
		call(http.MethodPost, "/api/2.0/authentication/"+code, signInBody(code), "", &result)
		printSignIn(result)
	case "self":
		printProfile(env("DOCSPACE_TOKEN"))
	case "sign-out":
		call(http.MethodPost, "/api/2.0/authentication/logout", nil, env("DOCSPACE_TOKEN"), nil)
		fmt.Println("signed out")
	case "create-key":
		if len(os.Args) < 4 || os.Args[2] == "" {
			fail("give the key a name and its scopes: create-key nightly-export accounts:read")
		}
		// Sent once: a create that timed out may still have made a key, so it is never retried.
		var created createdKey
		call(http.MethodPost, "/api/2.0/keys", newKey{Name: os.Args[2], Permissions: os.Args[3:]}, env("DOCSPACE_TOKEN"), &created)
		if created.Key == "" {
			fail("the answer contains no key")
		}
		fmt.Println("key:", created.Key)
		fmt.Println("the portal shows this key only once: keep it in DOCSPACE_API_KEY or a secret store now")
	case "self-with-key":
		printProfile("Bearer " + env("DOCSPACE_API_KEY"))
	default:
		fail("say which step to run: sign-in, confirm <code>, self, sign-out, create-key <name> <scope>... or self-with-key")
	}
}

// printProfile prints who the Authorization header's credential belongs to.
func printProfile(authorization string) {
	var me profile
	call(http.MethodGet, "/api/2.0/people/@self", nil, authorization, &me)
	fmt.Println("displayName:", me.DisplayName)
	fmt.Println("email:", me.Email)
}

func signInBody(code string) any {
	return credentials{UserName: env("DOCSPACE_USER"), Password: env("DOCSPACE_PASSWORD"), Code: code}
}

// printSignIn prints the token, or what the portal wants first.
func printSignIn(r signInResult) {
	switch {
	case r.Token != "":
		fmt.Println("token:", r.Token)
		fmt.Println("expires:", r.Expires)
	case r.Tfa && r.TfaKey != "":
		fmt.Printf("second factor not set up: add the key %s to your authenticator app (or open %s), then run confirm <code>\n", r.TfaKey, r.ConfirmURL)
	case r.Tfa:
		fmt.Println("second factor required: run confirm <code> with the code your authenticator app shows")
	case r.Sms && r.PhoneNoise != "":
		fmt.Println("second factor required: run confirm <code> with the code sent by SMS to " + r.PhoneNoise)
	case r.Sms:
		fmt.Printf("second factor not set up: open %s in a browser to confirm your phone number, then sign in again\n", r.ConfirmURL)
	default:
		fail("the answer contains no token")
	}
}

// call sends one request and decodes the answer's response into result (when not nil);
// any failure ends the program with one line.
func call(method, path string, body any, authorization string, result any) {
	portal := strings.TrimRight(env("DOCSPACE_PORTAL"), "/")
	var payload io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			fail("%v", err)
		}
		payload = bytes.NewReader(data)
	}
	request, err := http.NewRequest(method, portal+path, payload)
	if err != nil {
		fail("cannot reach the portal: %v", err)
	}
	request.Header.Set("Accept", "application/json")
	if body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	if authorization != "" {
		request.Header.Set("Authorization", authorization)
	}
	client := &http.Client{Timeout: 30 * time.Second}
	response, err := client.Do(request)
	if err != nil {
		var netErr net.Error
		if errors.As(err, &netErr) && netErr.Timeout() {
			fail("the portal did not answer within 30 s")
		}
		fail("cannot reach the portal: %v", err)
	}
	defer response.Body.Close()

	// How the portal wraps every answer: the payload in response, or an error.
	var answer struct {
		Response json.RawMessage `json:"response"`
		Error    struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	// A 401 may come with an empty body, and error pages may not be JSON: then answer stays empty.
	_ = json.NewDecoder(response.Body).Decode(&answer)
	if response.StatusCode < 200 || response.StatusCode > 299 {
		message := answer.Error.Message
		if message == "" {
			message = "(no error message)"
		}
		fail("HTTP %d: %s", response.StatusCode, message)
	}
	if result != nil && len(answer.Response) > 0 {
		if err := json.Unmarshal(answer.Response, result); err != nil {
			fail("the answer is not what a portal sends: %v", err)
		}
	}
}

func env(name string) string {
	value := os.Getenv(name)
	if value == "" {
		fail("%s is not set", name)
	}
	return value
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "error: "+format+"\n", args...)
	os.Exit(1)
}
