// Command authenticate signs in to a DocSpace portal and prints the token
// (Go 1.18+, standard library only: `go run main.go`).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"
)

const portal = "https://yourportal.onlyoffice.com"

// envelope is how the portal wraps every answer: the payload in response, or an error.
type envelope struct {
	Response struct {
		Token   string `json:"token"`
		Expires string `json:"expires"`
		Tfa     bool   `json:"tfa"`
		Sms     bool   `json:"sms"`
	} `json:"response"`
	Error struct {
		Message string `json:"message"`
	} `json:"error"`
}

func main() {
	credentials, err := json.Marshal(map[string]string{"userName": "yourusername", "password": "yourpassword"})
	if err != nil {
		fail("%v", err)
	}
	request, err := http.NewRequest(http.MethodPost, portal+"/api/2.0/authentication", bytes.NewReader(credentials))
	if err != nil {
		fail("%v", err)
	}
	request.Header.Set("Content-Type", "application/json")
	request.Header.Set("Accept", "application/json")
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

	var answer envelope
	_ = json.NewDecoder(response.Body).Decode(&answer) // error pages may not be JSON
	if response.StatusCode < 200 || response.StatusCode > 299 {
		message := answer.Error.Message
		if message == "" {
			message = "(no error message)"
		}
		fail("HTTP %d: %s", response.StatusCode, message)
	}
	result := answer.Response
	if result.Token == "" {
		if result.Tfa || result.Sms {
			fail("second factor required: POST the code from your authenticator app or SMS to /api/2.0/authentication/{code}")
		}
		fail("the answer contains no token")
	}
	fmt.Println("token:", result.Token)
	fmt.Println("expires:", result.Expires)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "error: "+format+"\n", args...)
	os.Exit(1)
}
