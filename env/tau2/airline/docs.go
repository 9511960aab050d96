package airline

// The reference's docstrings of the AirlineTools tools, verbatim: the
// tools' descriptions and argument descriptions are parsed from them.
const (
	docBookReservation = "\n" +
		"        Book a reservation.\n" +
		"\n" +
		"        Args:\n" +
		"            user_id: The ID of the user to book the reservation such as 'sara_doe_496'`.\n" +
		"            origin: The IATA code for the origin city such as 'SFO'.\n" +
		"            destination: The IATA code for the destination city such as 'JFK'.\n" +
		"            flight_type: The type of flight such as 'one_way' or 'round_trip'.\n" +
		"            cabin: The cabin class such as 'basic_economy', 'economy', or 'business'.\n" +
		"            flights: An array of objects containing details about each piece of flight.\n" +
		"            passengers: An array of objects containing details about each passenger.\n" +
		"            payment_methods: An array of objects containing details about each payment method.\n" +
		"            total_baggages: The total number of baggage items to book the reservation.\n" +
		"            nonfree_baggages: The number of non-free baggage items to book the reservation.\n" +
		"            insurance: Whether the reservation has insurance.\n" +
		"        "
	docCalculate = "\n" +
		"        Calculate the result of a mathematical expression.\n" +
		"\n" +
		"        Args:\n" +
		"            expression: The mathematical expression to calculate, such as '2 + 2'. The expression can contain numbers, operators (+, -, *, /), parentheses, and spaces.\n" +
		"\n" +
		"        Returns:\n" +
		"            The result of the mathematical expression.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the expression is invalid.\n" +
		"        "
	docCancelReservation = "\n" +
		"        Cancel the whole reservation.\n" +
		"\n" +
		"        Args:\n" +
		"            reservation_id: The reservation ID, such as 'ZFA04Y'.\n" +
		"\n" +
		"        Returns:\n" +
		"            The updated reservation.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the reservation is not found.\n" +
		"        "
	docGetReservationDetails = "\n" +
		"        Get the details of a reservation.\n" +
		"\n" +
		"        Args:\n" +
		"            reservation_id: The reservation ID, such as '8JX2WO'.\n" +
		"\n" +
		"        Returns:\n" +
		"            The reservation details.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the reservation is not found.\n" +
		"        "
	docGetUserDetails = "\n" +
		"        Get the details of a user, including their reservations.\n" +
		"\n" +
		"        Args:\n" +
		"            user_id: The user ID, such as 'sara_doe_496'.\n" +
		"\n" +
		"        Returns:\n" +
		"            The user details.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the user is not found.\n" +
		"        "
	docListAllAirports = "Returns a list of all available airports.\n" +
		"\n" +
		"        Returns:\n" +
		"            A dictionary mapping IATA codes to AirportInfo objects.\n" +
		"        "
	docSearchDirectFlight = "\n" +
		"        Search for direct flights between two cities on a specific date.\n" +
		"\n" +
		"        Args:\n" +
		"            origin: The origin city airport in three letters, such as 'JFK'.\n" +
		"            destination: The destination city airport in three letters, such as 'LAX'.\n" +
		"            date: The date of the flight in the format 'YYYY-MM-DD', such as '2024-01-01'.\n" +
		"\n" +
		"        Returns:\n" +
		"            The direct flights between the two cities on the specific date.\n" +
		"        "
	docSearchOnestopFlight = "\n" +
		"        Search for one-stop flights between two cities on a specific date.\n" +
		"\n" +
		"        Args:\n" +
		"            origin: The origin city airport in three letters, such as 'JFK'.\n" +
		"            destination: The destination city airport in three letters, such as 'LAX'.\n" +
		"            date: The date of the flight in the format 'YYYY-MM-DD', such as '2024-05-01'.\n" +
		"\n" +
		"        Returns:\n" +
		"            A list of pairs of DirectFlight objects.\n" +
		"        "
	docSendCertificate = "\n" +
		"        Send a certificate to a user. Be careful!\n" +
		"\n" +
		"        Args:\n" +
		"            user_id: The ID of the user to book the reservation, such as 'sara_doe_496'.\n" +
		"            amount: The amount of the certificate to send.\n" +
		"\n" +
		"        Returns:\n" +
		"            A message indicating the certificate was sent.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the user is not found.\n" +
		"        "
	docTransferToHumanAgents = "\n" +
		"        Transfer the user to a human agent, with a summary of the user's issue.\n" +
		"        Only transfer if\n" +
		"         -  the user explicitly asks for a human agent\n" +
		"         -  given the policy and the available tools, you cannot solve the user's issue.\n" +
		"\n" +
		"        Args:\n" +
		"            summary: A summary of the user's issue.\n" +
		"\n" +
		"        Returns:\n" +
		"            A message indicating the user has been transferred to a human agent.\n" +
		"        "
	docUpdateReservationBaggages = "\n" +
		"        Update the baggage information of a reservation.\n" +
		"\n" +
		"        Args:\n" +
		"            reservation_id: The reservation ID, such as 'ZFA04Y'\n" +
		"            total_baggages: The updated total number of baggage items included in the reservation.\n" +
		"            nonfree_baggages: The updated number of non-free baggage items included in the reservation.\n" +
		"            payment_id: The payment id stored in user profile, such as 'credit_card_7815826', 'gift_card_7815826', 'certificate_7815826'.\n" +
		"\n" +
		"        Returns:\n" +
		"            The updated reservation.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the reservation is not found.\n" +
		"            ValueError: If the user is not found.\n" +
		"            ValueError: If the payment method is not found.\n" +
		"            ValueError: If the certificate cannot be used to update reservation.\n" +
		"            ValueError: If the gift card balance is not enough.\n" +
		"        "
	docUpdateReservationFlights = "\n" +
		"        Update the flight information of a reservation.\n" +
		"\n" +
		"\n" +
		"        Args:\n" +
		"            reservation_id: The reservation ID, such as 'ZFA04Y'.\n" +
		"            cabin: The cabin class of the reservation\n" +
		"            flights: An array of objects containing details about each piece of flight in the ENTIRE new reservation. Even if the a flight segment is not changed, it should still be included in the array.\n" +
		"            payment_id: The payment id stored in user profile, such as 'credit_card_7815826', 'gift_card_7815826', 'certificate_7815826'.\n" +
		"\n" +
		"        Returns:\n" +
		"            The updated reservation.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the reservation is not found.\n" +
		"            ValueError: If the user is not found.\n" +
		"            ValueError: If the payment method is not found.\n" +
		"            ValueError: If the certificate cannot be used to update reservation.\n" +
		"            ValueError: If the gift card balance is not enough.\n" +
		"        "
	docUpdateReservationPassengers = "\n" +
		"        Update the passenger information of a reservation.\n" +
		"\n" +
		"        Args:\n" +
		"            reservation_id: The reservation ID, such as 'ZFA04Y'.\n" +
		"            passengers: An array of objects containing details about each passenger.\n" +
		"\n" +
		"        Returns:\n" +
		"            The updated reservation.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the reservation is not found.\n" +
		"            ValueError: If the number of passengers does not match.\n" +
		"        "
	docGetFlightStatus = "\n" +
		"        Get the status of a flight.\n" +
		"\n" +
		"        Args:\n" +
		"            flight_number: The flight number.\n" +
		"            date: The date of the flight.\n" +
		"\n" +
		"        Returns:\n" +
		"            The status of the flight.\n" +
		"\n" +
		"        Raises:\n" +
		"            ValueError: If the flight is not found.\n" +
		"        "
)
