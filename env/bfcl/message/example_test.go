package message_test

import (
	"fmt"

	"github.com/toolgym/toolgym/env/bfcl"
	"github.com/toolgym/toolgym/env/bfcl/message"
)

// Calls written in Python, as a model writes them, run through the BFCL
// env; each prints what the reference's executor would show the model.
// Message ids come from the reference's seeded generator.
func Example() {
	e, err := bfcl.New([]string{message.ClassName}, nil, false)
	if err != nil {
		panic(err)
	}
	for _, call := range []string{
		"send_message(receiver_id='USR002', message='hi')",
		"message_login(user_id='USR001')",
		"add_contact(user_name='Eve')",
		"send_message(receiver_id='USR005', message='Welcome, Eve!')",
		"search_messages(keyword='WELCOME')",
		"get_message_stats()",
		"delete_message(receiver_id='USR009')",
	} {
		fmt.Println(e.Exec(call))
	}
	// Output:
	// {"error": "No user is currently logged in."}
	// {"login_status": true, "message": "User 'USR001' logged in successfully."}
	// {"added_status": true, "user_id": "USR005", "message": "Contact 'Eve' added successfully."}
	// {"sent_status": true, "message_id": {"new_id": 67410}, "message": "Message sent to 'USR005' successfully."}
	// {"results": [{"receiver_id": "USR005", "message": "Welcome, Eve!"}]}
	// {"stats": {"received_count": 4, "total_contacts": 4}}
	// {"error": "Receiver ID USR009 not found."}
}

// The methods can also be called directly, with Python values.
func ExampleAPI_SendMessage() {
	a := message.New()
	a.Login("USR002")
	r, err := a.SendMessage("USR003", "See you at 3")
	if err != nil {
		panic(err)
	}
	fmt.Println(bfcl.ResultString(r)) // the text the model sees
	// Output: {"sent_status": true, "message_id": {"new_id": 67410}, "message": "Message sent to 'USR003' successfully."}
}
